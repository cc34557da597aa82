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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real executors holding a thousand queued tasks when the context closes, each task
 * writing to a real HikariCP pool over H2.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExecutorDrainTests {

	private static final int TASKS = 1000;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(QueuedWork.class);

	@Test
	void everyQueuedTaskCompletesBeforeTheDataSourceCloses(CapturedOutput output) {
		this.runner.run((context) -> {
			QueuedWork work = context.getBean(QueuedWork.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			ShutdownState state = context.getBean(ShutdownState.class);
			work.queue(TASKS, 0);
			context.close();
			assertThat(work.completed).hasValue(TASKS);
			assertThat(work.dataSource.rowsAtClose).isEqualTo(TASKS);
			assertThat(work.abandoned).isEmpty();
			assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isZero();
			assertThat(statistics.getTasks(TaskOutcome.COMPLETED)).isEqualTo(TASKS);
			assertThat(statistics.getSuppressedTotal()).isZero();
			assertThat(statistics.getDrains()).containsKey("workers");
			assertThat(state.getEntered(ShutdownPhase.DRAINED)).isNotNull();
			assertThat(output).doesNotContain("Exception").doesNotContain("will not run");
		});
	}

	@Test
	void tooShortTimeoutAccountsForEveryTaskExactly(CapturedOutput output) {
		this.runner.withPropertyValues("quiet-shutdown.drain.timeout=150ms").run((context) -> {
			QueuedWork work = context.getBean(QueuedWork.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			work.queue(TASKS, 2);
			context.close();
			assertThat(work.abandoned).isNotEmpty();
			assertThat(work.completed.get() + work.abandoned.size()).isEqualTo(TASKS);
			assertThat(work.abandoned).allSatisfy((task) -> {
				assertThat(task.source()).isEqualTo("workers");
				assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
				assertThat(task.description()).startsWith("write #");
				assertThat(task.age()).isPositive();
			});
			assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isEqualTo(work.abandoned.size());
			assertThat(output).contains("'workers': " + work.abandoned.size()
					+ " task(s) will not run, still queued at the drain deadline (150 ms): [write #");
		});
	}

	@Test
	void withoutTheDrainDroppedTasksAreStillReported() {
		this.runner.withPropertyValues("quiet-shutdown.drain.enabled=false", "test.late-shutdown=true").run((context) -> {
			QueuedWork work = context.getBean(QueuedWork.class);
			work.queue(TASKS, 1);
			context.close();
			// With late shutdown (Boot's accept-tasks-after-context-close), Spring's destroy()
			// calls shutdownNow(), which drops the queue without a word.
			assertThat(work.abandoned).isNotEmpty();
			// A running task that shutdownNow() interrupts ran, and is reported as failed.
			long neverRan = work.abandoned.stream().filter((task) -> task.outcome() == TaskOutcome.ABANDONED).count();
			assertThat(work.ran.get() + neverRan).isEqualTo(TASKS);
			assertThat(work.abandoned).allSatisfy((task) -> assertThat(task.outcome()).isIn(TaskOutcome.ABANDONED,
					TaskOutcome.FAILED));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class QueuedWork implements ApplicationListener<ContextClosedEvent> {

		final AtomicInteger completed = new AtomicInteger();

		// Tasks that ran, to their end or to a failure: a task interrupted by shutdownNow()
		// may fail, which is not a loss.
		final AtomicInteger ran = new AtomicInteger();

		final List<AbandonedTask> abandoned = new CopyOnWriteArrayList<>();

		private final CountDownLatch gate = new CountDownLatch(1);

		private RowCountingDataSource dataSource;

		private ThreadPoolTaskExecutor workers;

		@Bean
		RowCountingDataSource dataSource() {
			this.dataSource = new RowCountingDataSource();
			return this.dataSource;
		}

		// Spring's defaults: no waiting for tasks at shutdown.
		@Bean
		ThreadPoolTaskExecutor workers(org.springframework.core.env.Environment environment) {
			this.workers = new ThreadPoolTaskExecutor();
			this.workers.setAcceptTasksAfterContextClose(environment.getProperty("test.late-shutdown", Boolean.class, false));
			this.workers.setCorePoolSize(4);
			this.workers.setThreadNamePrefix("worker-");
			return this.workers;
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.abandoned::add;
		}

		void queue(int count, long millisEach) {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.execute("create table done (id int primary key)");
			for (int i = 0; i < count; i++) {
				int id = i;
				this.workers.execute(new Described("write #" + id, () -> {
					try {
						awaitQuietly(this.gate);
						jdbc.update("insert into done values (?)", id);
						pause(millisEach);
						this.completed.incrementAndGet();
					}
					finally {
						this.ran.incrementAndGet();
					}
				}));
			}
		}

		// Released when the context starts closing: every task but the running ones is
		// still queued then.
		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.gate.countDown();
		}

	}

	static class RowCountingDataSource extends SignallingHikariDataSource {

		volatile int rowsAtClose = -1;

		@Override
		public void close() {
			this.rowsAtClose = new JdbcTemplate(this).queryForObject("select count(*) from done", Integer.class);
			super.close();
		}

	}

	record Described(String name, Runnable task) implements Runnable {

		@Override
		public void run() {
			this.task.run();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// Simulated work, not synchronisation.
	static void pause(long millis) {
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
