/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.quietshutdown.intercept;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownInterceptAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownLoggingAutoConfiguration;
import io.github.quietshutdown.intercept.logging.Log4j2FilterInstaller;
import io.github.quietshutdown.intercept.logging.LogbackFilterInstaller;
import io.github.quietshutdown.intercept.logging.LoggingFilterInstaller;
import io.github.quietshutdown.intercept.method.QuietMethodAdvisor;
import io.github.quietshutdown.intercept.thread.UncaughtExceptionHandlerInstaller;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QuietShutdownInterceptAutoConfiguration} and
 * {@link QuietShutdownLoggingAutoConfiguration}, and for what the method advisors leave
 * alone.
 */
class InterceptAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				QuietShutdownAutoConfiguration.class, QuietShutdownInterceptAutoConfiguration.class,
				QuietShutdownLoggingAutoConfiguration.class))
		.withUserConfiguration(Jobs.class);

	@Test
	void defaultsCoverEveryRoad() {
		this.runner.run((context) -> {
			assertThat(context.getBeansOfType(QuietMethodAdvisor.class).values()).extracting(QuietMethodAdvisor::getSource)
				.containsExactlyInAnyOrder(SymptomSource.SCHEDULED, SymptomSource.ASYNC);
			assertThat(context).hasSingleBean(UncaughtExceptionHandlerInstaller.class)
				.hasSingleBean(JvmWideInterceptions.class)
				.hasSingleBean(LogbackFilterInstaller.class)
				.doesNotHaveBean(Log4j2FilterInstaller.class);
			assertThat(AopUtils.isCglibProxy(context.getBean(Poller.class))).isTrue();
		});
	}

	@Test
	void withoutEnableSchedulingOrEnableAsyncNothingIsProxied() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, QuietShutdownAutoConfiguration.class,
					QuietShutdownInterceptAutoConfiguration.class))
			.withBean(Poller.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(QuietMethodAdvisor.class);
				assertThat(AopUtils.isAopProxy(context.getBean(Poller.class))).isFalse();
			});
	}

	@Test
	void eachRoadCanBeDisabled() {
		this.runner
			.withPropertyValues("quiet-shutdown.intercept.scheduled=false", "quiet-shutdown.intercept.async=false",
					"quiet-shutdown.intercept.threads=false", "quiet-shutdown.intercept.logging=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QuietMethodAdvisor.class)
				.doesNotHaveBean(UncaughtExceptionHandlerInstaller.class)
				.doesNotHaveBean(LoggingFilterInstaller.class));
	}

	@Test
	void disabledStarterProvidesNothing() {
		this.runner.withPropertyValues("quiet-shutdown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QuietMethodAdvisor.class)
				.doesNotHaveBean(UncaughtExceptionHandlerInstaller.class)
				.doesNotHaveBean(LoggingFilterInstaller.class)
				.doesNotHaveBean(JvmWideInterceptions.class));
	}

	@Test
	void withoutLogbackNoLogbackFilterIsInstalled() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownLoggingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("ch.qos.logback"))
			.run((context) -> assertThat(context).doesNotHaveBean(LogbackFilterInstaller.class));
	}

	@Test
	void directCallOfAScheduledMethodDuringShutdownKeepsItsException() {
		this.runner.run((context) -> {
			closing(context.getBean(ShutdownState.class));
			Poller poller = context.getBean(Poller.class);
			assertThatExceptionOfType(CannotGetJdbcConnectionException.class).isThrownBy(poller::poll)
				.isSameAs(poller.symptom());
			assertThat(context.getBean(ShutdownStatistics.class).getSuppressedTotal()).isZero();
		});
	}

	@Test
	void futureReturningAsyncMethodDeliversItsSymptomToTheCaller() {
		this.runner.run((context) -> {
			closing(context.getBean(ShutdownState.class));
			Poller poller = context.getBean(Poller.class);
			CompletableFuture<Void> result = poller.fetch();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> result.get(10, TimeUnit.SECONDS))
				.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(poller.symptom()));
			assertThat(context.getBean(ShutdownStatistics.class).getSuppressedTotal()).isZero();
		});
	}

	@Test
	void classesAProxyWouldChangeAreNotProxied() {
		this.runner.withBean(FinalPoller.class).withBean(PollerWithFinalMethod.class).run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean(FinalPoller.class))).isFalse();
			assertThat(AopUtils.isAopProxy(context.getBean(PollerWithFinalMethod.class))).isFalse();
			assertThat(context.getBean(PollerWithFinalMethod.class).name()).isEqualTo("final");
		});
	}

	private static void closing(ShutdownState state) {
		state.advanceTo(ShutdownPhase.CLOSING);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableAsync
	static class Jobs {

		@Bean
		Poller poller() {
			return new Poller();
		}

	}

	static class Poller {

		private final CannotGetJdbcConnectionException symptom = new CannotGetJdbcConnectionException(
				"Failed to obtain JDBC Connection",
				new SQLException("HikariDataSource HikariDataSource (HikariPool-1) has been closed."));

		public CannotGetJdbcConnectionException symptom() {
			return this.symptom;
		}

		@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
		public void poll() {
			throw this.symptom;
		}

		@Async
		public CompletableFuture<Void> fetch() {
			throw this.symptom;
		}

	}

	static final class FinalPoller {

		@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
		public void poll() {
		}

	}

	static class PollerWithFinalMethod {

		private final String name = "final";

		@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
		public void poll() {
		}

		public final String name() {
			return this.name;
		}

	}

}
