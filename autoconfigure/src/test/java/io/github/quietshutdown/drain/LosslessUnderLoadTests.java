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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.task.Books;
import io.github.quietshutdown.task.TaskTracker;
import io.github.quietshutdown.task.TrackedExecutors;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Executors fed faster than they drain, closed while the producer keeps offering: intake
 * closes when the drain begins, the drain takes the backlog's time, work handed over by
 * running tasks still runs, nothing runs after the drain, and the books balance exactly.
 */
@ExtendWith(OutputCaptureExtension.class)
class LosslessUnderLoadTests {

	private static final long SEED = 20261204L;

	// Two workers, two milliseconds a task: a thousand tasks a second.
	private static final int WORKERS = 2;

	private static final long TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	private static final double DRAIN_RATE = WORKERS * (1e9 / TASK_NANOS);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class));

	@Test
	void drainTakesTheBacklogsTimeWhileAProducerKeepsOfferingAndTheBooksBalance() {
		Random random = new Random(SEED);
		for (int round = 0; round < 3; round++) {
			int backlog = 200 + random.nextInt(600);
			this.runner.withUserConfiguration(Ingest.class).run((context) -> {
				Ingest ingest = context.getBean(Ingest.class);
				ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
				TaskTracker tracker = context.getBean(TrackedExecutors.class).getAll().get(0).tracker();
				ingest.fill(backlog);
				Producer producer = new Producer(ingest, 2 * DRAIN_RATE);
				producer.start();
				assertThat(producer.running.await(5, TimeUnit.SECONDS)).isTrue();
				long start = System.nanoTime();
				context.close();
				Duration closing = Duration.ofNanos(System.nanoTime() - start);
				producer.stopAndJoin();
				Duration bound = Duration.ofMillis((long) (2 * 1000 * backlog / DRAIN_RATE) + 1000);
				assertThat(statistics.getDrains().get("ingest")).as("drain of a backlog of %d", backlog)
					.isLessThan(bound);
				assertThat(closing).isLessThan(bound.plusSeconds(1));
				assertThat(producer.refused.get()).as("the producer was told").isPositive();
				assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isEqualTo(producer.refused.get());
				long accepted = backlog + producer.accepted.get();
				// Every task the application handed over did its work or was reported.
				assertThat(ingest.done.get() + ingest.reported.size()).isEqualTo(accepted);
				assertThat(ingest.reported).isEmpty();
				Books books = tracker.getBooks();
				assertThat(books.balances()).as("%s", books).isTrue();
				assertThat(books.running()).isZero();
				assertThat(books.completed() + books.failed() + books.abandoned()).isEqualTo(books.accepted());
				// Tasks done once the context began closing are in the books, and no more.
				assertThat(books.completed()).isGreaterThanOrEqualTo(ingest.doneAfterClose.get())
					.isLessThanOrEqualTo(books.accepted());
			});
		}
	}

	@Test
	void workHandedOverByARunningTaskDuringTheDrainRunsAndIsCompleted() {
		this.runner.withUserConfiguration(Ingest.class).run((context) -> {
			Ingest ingest = context.getBean(Ingest.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			CountDownLatch firstStageRunning = new CountDownLatch(1);
			CountDownLatch drainBegan = new CountDownLatch(1);
			AtomicReference<Throwable> handOver = new AtomicReference<>();
			AtomicBoolean secondStage = new AtomicBoolean();
			AtomicBoolean otherExecutorStage = new AtomicBoolean();
			ingest.executor.execute(() -> {
				firstStageRunning.countDown();
				awaitQuietly(drainBegan);
				try {
					ingest.executor.execute(() -> secondStage.set(true));
					ingest.other.execute(() -> otherExecutorStage.set(true));
				}
				catch (RuntimeException ex) {
					handOver.set(ex);
				}
			});
			assertThat(firstStageRunning.await(5, TimeUnit.SECONDS)).isTrue();
			Thread closer = new Thread(context::close);
			closer.start();
			// The drain has begun once an outside offer is refused.
			assertThat(refusedWithin(ingest.executor, Duration.ofSeconds(5))).isTrue();
			drainBegan.countDown();
			joinQuietly(closer);
			assertThat(handOver).hasValue(null);
			assertThat(secondStage).isTrue();
			assertThat(otherExecutorStage).isTrue();
			assertThat(statistics.getTasks(TaskOutcome.COMPLETED)).isGreaterThanOrEqualTo(3);
			assertThat(statistics.getTasks(TaskOutcome.FAILED)).isZero();
			assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isZero();
			assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isEqualTo(1);
		});
	}

	@Test
	void taskOfferedAfterTheDrainEndedIsRefusedAndNeverRunsAgainstTheClosedDataSource() {
		this.runner.withUserConfiguration(LateOffer.class).run((context) -> {
			LateOffer late = context.getBean(LateOffer.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			context.close();
			assertThat(late.refusal.get()).isInstanceOf(TaskRejectedException.class)
				.hasStackTraceContaining("drained for shutdown and stays closed");
			assertThat(late.ran).isFalse();
			assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isOne();
			assertThat(statistics.getTasks(TaskOutcome.FAILED)).isZero();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> late.executor.execute(() -> {
			}));
		});
	}

	@Test
	void tasksThatFailWithTheClosedPoolSymptomAreFailedInMeterSummaryAndReport(CapturedOutput output,
			@TempDir Path temp) throws Exception {
		Path report = temp.resolve("report.json");
		this.runner
			.withConfiguration(AutoConfigurations.of(QuietShutdownReportAutoConfiguration.class))
			.withPropertyValues("quiet-shutdown.report.file.location=" + report)
			.withUserConfiguration(EarlyClosedPool.class)
			.run((context) -> {
				EarlyClosedPool work = context.getBean(EarlyClosedPool.class);
				ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
				work.queue(20);
				context.close();
				assertThat(work.wrote.get()).isZero();
				assertThat(statistics.getTasks(TaskOutcome.FAILED)).isEqualTo(20);
				assertThat(statistics.getTasks(TaskOutcome.COMPLETED)).isZero();
				assertThat(work.reported).hasSize(20).allSatisfy((task) -> {
					assertThat(task.outcome()).isEqualTo(TaskOutcome.FAILED);
					assertThat(task.description()).startsWith("write #");
				});
			});
		assertThat(output).doesNotContain("\tat com.zaxxer").doesNotContain("SQLException: HikariDataSource");
		assertThat(output).contains("'writers': 20 task(s) did not complete, failed during shutdown");
		String summary = output.toString().lines().filter((line) -> line.contains("Shutdown complete:")).findFirst()
			.orElseThrow();
		assertThat(summary).contains("suppressed=20 accepted=20 completed=0 failed=20 abandoned=0 rejected=0");
		String written = Files.readString(report);
		assertThat(written).contains("\"notDone\"").contains("\"outcome\":\"failed\"").contains("write #19");
	}

	private static boolean refusedWithin(ThreadPoolTaskExecutor executor, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				executor.execute(() -> {
				});
			}
			catch (TaskRejectedException ex) {
				return true;
			}
			Thread.onSpinWait();
		}
		return false;
	}

	static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void joinQuietly(Thread thread) {
		try {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(thread.isAlive()).isFalse();
	}

	// Simulated work, not synchronisation.
	static void work() {
		long end = System.nanoTime() + TASK_NANOS;
		while (System.nanoTime() < end) {
			LockSupport.parkNanos(end - System.nanoTime());
		}
	}

	/**
	 * Offers tasks at a fixed rate until stopped, counting what was accepted and refused.
	 */
	static final class Producer extends Thread {

		final CountDownLatch running = new CountDownLatch(1);

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong refused = new AtomicLong();

		private final Ingest ingest;

		private final long intervalNanos;

		private volatile boolean stopped;

		Producer(Ingest ingest, double perSecond) {
			super("producer");
			this.ingest = ingest;
			this.intervalNanos = (long) (1e9 / perSecond);
		}

		@Override
		public void run() {
			long next = System.nanoTime();
			this.running.countDown();
			while (!this.stopped) {
				try {
					this.ingest.executor.execute(new Work(this.ingest));
					this.accepted.incrementAndGet();
				}
				catch (TaskRejectedException ex) {
					this.refused.incrementAndGet();
				}
				next += this.intervalNanos;
				LockSupport.parkNanos(next - System.nanoTime());
			}
		}

		void stopAndJoin() {
			this.stopped = true;
			joinQuietly(this);
		}

	}

	record Work(Ingest ingest) implements Runnable {

		@Override
		public void run() {
			work();
			this.ingest.finished();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Ingest {

		final AtomicInteger done = new AtomicInteger();

		final AtomicInteger doneAfterClose = new AtomicInteger();

		final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

		private volatile boolean closing;

		ThreadPoolTaskExecutor executor;

		ThreadPoolTaskExecutor other;

		@Bean
		ThreadPoolTaskExecutor ingest() {
			this.executor = new ThreadPoolTaskExecutor();
			this.executor.setCorePoolSize(WORKERS);
			this.executor.setThreadNamePrefix("ingest-");
			return this.executor;
		}

		@Bean
		ThreadPoolTaskExecutor enrich() {
			this.other = new ThreadPoolTaskExecutor();
			this.other.setCorePoolSize(1);
			this.other.setThreadNamePrefix("enrich-");
			return this.other;
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.reported::add;
		}

		@Bean
		org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent> closingFlag() {
			return (event) -> this.closing = true;
		}

		void fill(int backlog) {
			for (int i = 0; i < backlog; i++) {
				this.executor.execute(new Work(this));
			}
		}

		void finished() {
			this.done.incrementAndGet();
			if (this.closing) {
				this.doneAfterClose.incrementAndGet();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LateOffer implements DisposableBean {

		final AtomicReference<Throwable> refusal = new AtomicReference<>();

		final AtomicBoolean ran = new AtomicBoolean();

		ThreadPoolTaskExecutor executor;

		private SignallingHikariDataSource dataSource;

		@Bean
		SignallingHikariDataSource dataSource() {
			this.dataSource = new SignallingHikariDataSource();
			return this.dataSource;
		}

		@Bean
		ThreadPoolTaskExecutor writers() {
			this.executor = new ThreadPoolTaskExecutor();
			this.executor.setCorePoolSize(1);
			return this.executor;
		}

		// Destroyed after the drain, before the executor and the pool: a task offered now
		// would run against resources being destroyed.
		@Override
		public void destroy() {
			try {
				this.executor.execute(() -> {
					this.ran.set(true);
					new JdbcTemplate(this.dataSource).execute("select 1");
				});
			}
			catch (TaskRejectedException ex) {
				this.refusal.set(ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EarlyClosedPool {

		final AtomicInteger wrote = new AtomicInteger();

		final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

		private final CountDownLatch gate = new CountDownLatch(1);

		private SignallingHikariDataSource dataSource;

		private ThreadPoolTaskExecutor writers;

		@Bean
		SignallingHikariDataSource dataSource() {
			this.dataSource = new SignallingHikariDataSource();
			return this.dataSource;
		}

		@Bean
		ThreadPoolTaskExecutor writers() {
			this.writers = new ThreadPoolTaskExecutor();
			this.writers.setCorePoolSize(2);
			return this.writers;
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.reported::add;
		}

		// A resource that a lifecycle bean closes before the drain, as a client's
		// connection factory may: the tasks that still need it fail.
		@Bean
		SmartLifecycle closesThePoolFirst() {
			return new SmartLifecycle() {

				private volatile boolean running;

				@Override
				public void start() {
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
					EarlyClosedPool.this.dataSource.close();
					EarlyClosedPool.this.gate.countDown();
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

			};
		}

		void queue(int count) {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.execute("create table done (id int primary key)");
			for (int i = 0; i < count; i++) {
				int id = i;
				this.writers.execute(new ExecutorDrainTests.Described("write #" + id, () -> {
					awaitQuietly(this.gate);
					jdbc.update("insert into done values (?)", id);
					this.wrote.incrementAndGet();
				}));
			}
		}

	}

}
