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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;

import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same continuously fed application closed with and without the starter, in the same
 * run: Spring Boot's {@code applicationTaskExecutor} (two workers, 2 ms a task, a thousand
 * tasks a second), a producer offering twice that, and a close after a backlog has built
 * up. A task is not done when it was accepted and had not run to its end by the time the
 * close returned (in a real process the JVM exits then); it is lost silently when, on top
 * of that, nobody was told. Each line printed is one figure of {@code docs/performance.md}.
 */
class ContinuousLoadComparisonTests {

	private static final long TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	private static final double DRAIN_RATE = 2 * (1e9 / TASK_NANOS);

	private static final int BACKLOG = 1000;

	// Tasks the producer offers before the close: the backlog grows by half of them.
	private static final int HEAD_START = 500;

	private static final int ROUNDS = 3;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
				QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
				QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(Feed.class)
		.withPropertyValues("spring.task.execution.pool.core-size=2");

	@Test
	void withBootsAwaitTerminationTheStarterLosesNoMoreAndExitsNoLater() {
		String[] await = { "spring.task.execution.shutdown.await-termination=true",
				"spring.task.execution.shutdown.await-termination-period=1s" };
		Outcome boot = new Outcome();
		Outcome starter = new Outcome();
		for (int round = 0; round < ROUNDS; round++) {
			boot.add(close("await-termination 1s", false, await));
			starter.add(close("await-termination 1s", true, await));
		}
		print("await-termination 1s", boot, starter);
		// Both stop within the application's one second, so both do about the same work,
		// less the starter's reserve for naming what it abandons (2% of the second: about
		// 20 tasks a close here); what neither had time for, the starter names. Runs on a
		// shared 2-core machine differ by their timing: 10% either way.
		long reserve = ROUNDS * (long) (DRAIN_RATE / 50);
		assertThat(starter.notDone).isLessThanOrEqualTo(boot.notDone + boot.notDone / 10 + reserve);
		assertThat(starter.closing).isLessThanOrEqualTo(boot.closing.plus(boot.closing.dividedBy(10)));
		assertThat(starter.silentlyLost).isZero();
		assertThat(boot.silentlyLost).isPositive();
	}

	@Test
	void withoutAwaitTerminationTheStarterLosesNothingWithinItsDrainTimeout() {
		Outcome boot = new Outcome();
		Outcome starter = new Outcome();
		for (int round = 0; round < ROUNDS; round++) {
			boot.add(close("no await-termination", false));
			starter.add(close("no await-termination", true));
		}
		print("no await-termination", boot, starter);
		assertThat(boot.silentlyLost).isPositive();
		assertThat(starter.notDone).isZero();
		// Spring drops the queue at once; the starter takes the backlog's time, no more.
		assertThat(starter.closing.dividedBy(ROUNDS))
			.isLessThan(Duration.ofMillis((long) (2 * 1000 * (BACKLOG + HEAD_START) / DRAIN_RATE) + 1000));
	}

	private static void print(String mode, Outcome boot, Outcome starter) {
		System.out.println("COMPARE mode=\"" + mode + "\" rounds=" + ROUNDS + " | boot: " + boot + " | starter: " + starter);
	}

	private Outcome close(String mode, boolean starter, String... properties) {
		Outcome outcome = new Outcome();
		this.runner.withPropertyValues(properties)
			.withPropertyValues("quiet-shutdown.enabled=" + starter)
			.run((context) -> {
				Feed feed = context.getBean(Feed.class);
				Executor executor = context.getBean("applicationTaskExecutor", Executor.class);
				for (int i = 0; i < BACKLOG; i++) {
					executor.execute(feed::work);
				}
				feed.accepted.addAndGet(BACKLOG);
				Thread producer = new Thread(() -> feed.produce(executor, 2 * DRAIN_RATE), "producer");
				producer.start();
				// Closed while the producer is in full swing.
				assertThat(feed.headStart.await(10, TimeUnit.SECONDS)).isTrue();
				io.github.quietshutdown.ShutdownState state = context.getBeanProvider(io.github.quietshutdown.ShutdownState.class).getIfAvailable();
				long start = System.nanoTime();
				context.close();
				outcome.closing = Duration.ofNanos(System.nanoTime() - start);
				long done = feed.done.get();
				feed.stopped = true;
				producer.join(TimeUnit.SECONDS.toMillis(10));
				outcome.accepted = feed.accepted.get();
				outcome.notDone = outcome.accepted - done;
				outcome.silentlyLost = outcome.notDone - feed.reported.get();
				outcome.reported = feed.reported.get();
				outcome.refused = feed.refused.get();
				if (state != null) {
					System.out.println("PHASES drained="
							+ Duration.between(state.getEntered(io.github.quietshutdown.ShutdownPhase.CLOSING),
									state.getEntered(io.github.quietshutdown.ShutdownPhase.DRAINED)).toMillis()
							+ " closed=" + Duration.between(state.getEntered(io.github.quietshutdown.ShutdownPhase.CLOSING),
									state.getEntered(io.github.quietshutdown.ShutdownPhase.CLOSED)).toMillis());
				}
			});
		System.out.println("CLOSE mode=\"" + mode + "\" starter=" + starter + " " + outcome);
		return outcome;
	}

	static final class Outcome {

		long accepted;

		long notDone;

		long silentlyLost;

		long reported;

		long refused;

		Duration closing = Duration.ZERO;

		void add(Outcome other) {
			this.accepted += other.accepted;
			this.notDone += other.notDone;
			this.silentlyLost += other.silentlyLost;
			this.reported += other.reported;
			this.refused += other.refused;
			this.closing = this.closing.plus(other.closing);
		}

		@Override
		public String toString() {
			return "accepted=" + this.accepted + " notDone=" + this.notDone + " silentlyLost=" + this.silentlyLost
					+ " reported=" + this.reported + " refused=" + this.refused + " closeMs=" + this.closing.toMillis();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Feed {

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong refused = new AtomicLong();

		final AtomicLong done = new AtomicLong();

		final AtomicLong reported = new AtomicLong();

		final CountDownLatch headStart = new CountDownLatch(HEAD_START);

		volatile boolean stopped;

		@Bean
		AbandonedTaskHandler countReported() {
			return (task) -> this.reported.incrementAndGet();
		}

		// Simulated work, not synchronisation.
		void work() {
			long end = System.nanoTime() + TASK_NANOS;
			while (System.nanoTime() < end) {
				LockSupport.parkNanos(end - System.nanoTime());
			}
			this.done.incrementAndGet();
		}

		void produce(Executor executor, double perSecond) {
			long interval = (long) (1e9 / perSecond);
			long next = System.nanoTime();
			while (!this.stopped) {
				try {
					executor.execute(this::work);
					this.accepted.incrementAndGet();
					this.headStart.countDown();
				}
				catch (TaskRejectedException ex) {
					this.refused.incrementAndGet();
				}
				next += interval;
				LockSupport.parkNanos(next - System.nanoTime());
			}
		}

	}

}
