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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SuppressionKey;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tasks of a real {@link ThreadPoolTaskExecutor} that keep using a real HikariCP pool over
 * H2 while the context closes it. The executor is shut down late (as with Spring Boot's
 * {@code spring.task.execution.shutdown.await-termination}), after the pool.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExecutorShutdownNoiseTests {

	private static final int TASKS = 20;

	private static final Pattern UNCAUGHT = Pattern.compile("Exception in thread \"worker-\\d+\"");

	private final ApplicationContextRunner quiet = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class))
		.withUserConfiguration(Workload.class);

	@Test
	void withoutStarterClosedPoolFailuresPrintStackTraces(CapturedOutput output) {
		new ApplicationContextRunner().withUserConfiguration(Workload.class).run((context) -> {
			Workload workload = context.getBean(Workload.class);
			workload.submitQueriesThatOutliveThePool(TASKS);
			context.close();
			awaitOutput().until(() -> count(UNCAUGHT, output) == TASKS);
			assertThat(output).contains("has been closed.").contains("\tat com.zaxxer.hikari.HikariDataSource.getConnection");
			assertThat(workload.attempts).hasValue(TASKS);
			assertThat(workload.succeeded).hasValue(0);
		});
	}

	@Test
	void withStarterDisabledClosedPoolFailuresPrintStackTraces(CapturedOutput output) {
		this.quiet.withPropertyValues("quiet-shutdown.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ShutdownStatistics.class);
			context.getBean(Workload.class).submitQueriesThatOutliveThePool(TASKS);
			context.close();
			awaitOutput().until(() -> count(UNCAUGHT, output) == TASKS);
		});
	}

	@Test
	void withStarterClosedPoolFailuresAreSuppressedAndCounted(CapturedOutput output) {
		this.quiet.run((context) -> {
			Workload workload = context.getBean(Workload.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			workload.submitQueriesThatOutliveThePool(TASKS);
			context.close();
			assertThat(workload.attempts).hasValue(TASKS);
			assertThat(workload.succeeded).hasValue(0);
			assertThat(statistics.getSuppressed(SymptomSource.EXECUTOR)).isEqualTo(TASKS);
			assertThat(statistics.getSuppressed())
				.containsEntry(new SuppressionKey(SymptomSource.EXECUTOR, "SQLException"), (long) TASKS);
			assertThat(output).doesNotContain("Exception in thread").doesNotContain("has been closed").doesNotContain("\tat ");
		});
	}

	@Test
	void suppressedSymptomLogsOneLineAtConfiguredLevel(CapturedOutput output) {
		this.quiet.withPropertyValues("quiet-shutdown.suppression.level=info").run((context) -> {
			context.getBean(Workload.class).submitQueriesThatOutliveThePool(1);
			context.close();
			assertThat(output).contains("INFO").contains("Suppressed shutdown symptom [hikari.pool-closed] from executor 'workers'")
				.contains("CannotGetJdbcConnectionException")
				.doesNotContain("\tat ");
		});
	}

	@Test
	void sameSymptomBeforeCloseIsVisible(CapturedOutput output) {
		this.quiet.run((context) -> {
			SignallingHikariDataSource other = new SignallingHikariDataSource();
			other.close();
			JdbcTemplate closedTemplate = new JdbcTemplate(other);
			context.getBean("workers", ThreadPoolTaskExecutor.class)
				.execute(() -> closedTemplate.queryForObject("select 1", Integer.class));
			awaitOutput().until(() -> output.toString().contains("Exception in thread"));
			assertThat(output).contains("has been closed.").contains("\tat ");
			assertThat(context.getBean(ShutdownStatistics.class).getSuppressedTotal()).isZero();
		});
	}

	@Test
	void realErrorsDuringCloseAreVisible(CapturedOutput output) {
		this.quiet.run((context) -> {
			Workload workload = context.getBean(Workload.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			workload.submitAfterPoolClosed(() -> {
				throw new IllegalArgumentException("boom-illegal-argument");
			});
			workload.submitAfterPoolClosed(() -> {
				Object value = null;
				value.hashCode();
			});
			workload.submitAfterPoolClosed(() -> {
				throw new Error("boom-error");
			});
			context.close();
			awaitOutput().until(() -> count(UNCAUGHT, output) == 3);
			assertThat(output).contains("java.lang.IllegalArgumentException: boom-illegal-argument")
				.contains("java.lang.NullPointerException")
				.contains("java.lang.Error: boom-error");
			assertThat(statistics.getSuppressedTotal()).isZero();
		});
	}

	@Test
	void rejectionByFullRunningPoolDuringCloseIsVisible(CapturedOutput output) throws InterruptedException {
		ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1));
		CountDownLatch release = new CountDownLatch(1);
		try {
			full.execute(() -> awaitQuietly(release));
			full.execute(() -> {
			});
			this.quiet.run((context) -> {
				ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
				context.getBean(Workload.class).submitAfterPoolClosed(() -> full.execute(() -> {
				}));
				context.close();
				awaitOutput().until(() -> count(UNCAUGHT, output) == 1);
				assertThat(output).contains("java.util.concurrent.RejectedExecutionException").contains("[Running");
				assertThat(statistics.getSuppressedTotal()).isZero();
			});
		}
		finally {
			release.countDown();
			full.shutdown();
			assertThat(full.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	// Awaitility must not catch uncaught exceptions: the JDK's own handler is what is tested.
	private static org.awaitility.core.ConditionFactory awaitOutput() {
		return await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10));
	}

	private static int count(Pattern pattern, CapturedOutput output) {
		Matcher matcher = pattern.matcher(output.toString());
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Workload {

		final AtomicInteger attempts = new AtomicInteger();

		final AtomicInteger succeeded = new AtomicInteger();

		private ThreadPoolTaskExecutor workers;

		private SignallingHikariDataSource dataSource;

		@Bean
		ThreadPoolTaskExecutor workers() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(4);
			executor.setThreadNamePrefix("worker-");
			executor.setWaitForTasksToCompleteOnShutdown(true);
			executor.setAwaitTerminationSeconds(10);
			this.workers = executor;
			return executor;
		}

		// Depending on the executor makes the pool close first, as it may in any application.
		@Bean
		@DependsOn("workers")
		SignallingHikariDataSource dataSource() {
			this.dataSource = new SignallingHikariDataSource();
			return this.dataSource;
		}

		void submitQueriesThatOutliveThePool(int count) {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
			for (int i = 0; i < count; i++) {
				submitAfterPoolClosed(() -> {
					this.attempts.incrementAndGet();
					jdbc.queryForObject("select 1", Integer.class);
					this.succeeded.incrementAndGet();
				});
			}
		}

		void submitAfterPoolClosed(Runnable task) {
			this.workers.execute(() -> {
				this.dataSource.awaitClosed();
				task.run();
			});
		}

	}

}
