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
package io.github.quietshutdown.drain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup WARN about {@code @Async} and {@code @Scheduled} work on a fallback
 * executor that is not a bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class FallbackExecutorWarningTests {

	private static final String ASYNC_WARNING = "@Async methods of 'writer' run on Spring's fallback SimpleAsyncTaskExecutor";

	private static final String SCHEDULED_WARNING = "@Scheduled methods run on a single-thread scheduler";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class))
		.withPropertyValues("quiet-shutdown.report.file.enabled=false");

	@Test
	void asyncWorkOnTheFallbackExecutorIsNamedWithTheFix(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class, TwoExecutors.class).run((context) -> {
			// Spring really runs it on its fallback, outside every bean.
			assertThat(context.getBean(Writer.class).write().get(10, TimeUnit.SECONDS)).startsWith("SimpleAsyncTaskExecutor-");
			assertThat(output).contains(ASYNC_WARNING)
				.contains("(2 TaskExecutor beans and none named 'taskExecutor')")
				.contains("Name one executor bean 'taskExecutor', set spring.task.execution.mode=force")
				.contains("or declare an AsyncConfigurer that returns an executor bean.");
			assertThat(output.toString().split(ASYNC_WARNING, -1)).hasSize(2);
		});
	}

	@Test
	void asyncWorkWithoutAnyExecutorBeanIsNamed(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class)
			.run((context) -> assertThat(output).contains(ASYNC_WARNING).contains("(no TaskExecutor bean and"));
	}

	@Test
	void executorNamedTaskExecutorIsNoFallback(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class, TwoExecutors.class, NamedExecutor.class).run((context) -> {
			assertThat(context.getBean(Writer.class).write().get(10, TimeUnit.SECONDS)).startsWith("named-");
			assertThat(output).doesNotContain("@Async methods");
		});
	}

	@Test
	void primaryExecutorIsNoFallback(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class, TwoExecutors.class, PrimaryExecutor.class).run((context) -> {
			assertThat(context.getBean(Writer.class).write().get(10, TimeUnit.SECONDS)).startsWith("primary-");
			assertThat(output).doesNotContain("@Async methods");
		});
	}

	@Test
	void springBootsForcedApplicationTaskExecutorIsNoFallback(CapturedOutput output) {
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(AsyncWriter.class, TwoExecutors.class)
			.withPropertyValues("spring.task.execution.mode=force", "spring.task.execution.thread-name-prefix=boot-")
			.run((context) -> {
				assertThat(context.getBean(Writer.class).write().get(10, TimeUnit.SECONDS)).startsWith("boot-");
				assertThat(output).doesNotContain("@Async methods");
			});
	}

	@Test
	void asyncConfigurerIsTheApplicationsChoice(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class, TwoExecutors.class, Configurer.class).run((context) -> {
			assertThat(context.getBean(Writer.class).write().get(10, TimeUnit.SECONDS)).startsWith("orders-");
			assertThat(output).doesNotContain("@Async methods");
		});
	}

	@Test
	void asyncEnabledWithoutAsyncMethodsSaysNothing(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncOnly.class, TwoExecutors.class)
			.run((context) -> assertThat(output).doesNotContain("@Async methods"));
	}

	@Test
	void scheduledWorkOnTheFallbackSchedulerIsNamedWithTheFix(CapturedOutput output) {
		this.runner.withUserConfiguration(ScheduledPoller.class, TwoSchedulers.class)
			.run((context) -> assertThat(output).contains(SCHEDULED_WARNING)
				.contains("(2 TaskScheduler beans and none named 'taskScheduler')")
				.contains("Name one scheduler bean 'taskScheduler'"));
	}

	@Test
	void uniqueSchedulerIsNoFallback(CapturedOutput output) {
		this.runner.withUserConfiguration(ScheduledPoller.class, OneScheduler.class)
			.run((context) -> assertThat(output).doesNotContain("@Scheduled methods"));
	}

	@Test
	void disabledStarterSaysNothing(CapturedOutput output) {
		this.runner.withUserConfiguration(AsyncWriter.class, TwoExecutors.class)
			.withPropertyValues("quiet-shutdown.enabled=false")
			.run((context) -> assertThat(output).doesNotContain("@Async methods"));
	}

	static class Writer {

		@Async
		CompletableFuture<String> write() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncWriter {

		@Bean
		Writer writer() {
			return new Writer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncOnly {

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoExecutors {

		@Bean
		ThreadPoolTaskExecutor ordersExecutor() {
			return executor("orders-");
		}

		@Bean
		ThreadPoolTaskExecutor auditExecutor() {
			return executor("audit-");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedExecutor {

		@Bean
		ThreadPoolTaskExecutor taskExecutor() {
			return executor("named-");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryExecutor {

		@Bean
		@Primary
		ThreadPoolTaskExecutor primaryExecutor() {
			return executor("primary-");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Configurer implements AsyncConfigurer {

		private final ThreadPoolTaskExecutor ordersExecutor;

		Configurer(@Qualifier("ordersExecutor") ThreadPoolTaskExecutor ordersExecutor) {
			this.ordersExecutor = ordersExecutor;
		}

		@Override
		public Executor getAsyncExecutor() {
			return this.ordersExecutor;
		}

	}

	static class Poller {

		@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
		void poll() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledPoller {

		@Bean
		Poller poller() {
			return new Poller();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoSchedulers {

		@Bean
		ThreadPoolTaskScheduler ordersScheduler() {
			return scheduler("orders-scheduler-");
		}

		@Bean
		ThreadPoolTaskScheduler auditScheduler() {
			return scheduler("audit-scheduler-");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneScheduler {

		@Bean
		ThreadPoolTaskScheduler ordersScheduler() {
			return scheduler("orders-scheduler-");
		}

	}

	static ThreadPoolTaskExecutor executor(String prefix) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		return executor;
	}

	static ThreadPoolTaskScheduler scheduler(String prefix) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix(prefix);
		return scheduler;
	}

}
