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

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ReflectionUtils;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.ExecutorDecoratingPostProcessor;
import io.github.quietshutdown.task.QuietTaskDecorator;
import io.github.quietshutdown.task.TrackedExecutors;

import static io.github.quietshutdown.test.NamedTask.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scheduler's one-shot task and a sweep that reports one-shots as abandoned, racing with
 * the scheduler's shutdown: each task gets exactly one outcome.
 */
class SchedulerShutdownRaceTests {

	private final ShutdownState state = new ShutdownState();

	private final ShutdownStatistics statistics = new ShutdownStatistics();

	private final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

	private final TrackedExecutors executors = new TrackedExecutors(this.state, this.statistics,
			new AbandonedTaskReporter(this.statistics, () -> List.of(this.reported::add)));

	private final PausingScheduler scheduler = new PausingScheduler();

	@AfterEach
	void shutDown() {
		this.scheduler.proceed.countDown();
		this.scheduler.shutdown();
	}

	@Test
	void oneShotStillOnItsWayIntoAPoolThatShutDownIsLeftToTheRefusalAndReportedOnceAsRejected()
			throws Exception {
		initialize();
		this.scheduler.pause = true;
		CompletableFuture<Object> caller = CompletableFuture.supplyAsync(
				() -> this.scheduler.schedule(named("in flight"), Instant.now().plusSeconds(30)));
		assertThat(this.scheduler.decorated.await(5, TimeUnit.SECONDS)).isTrue();
		// Decorated and registered, not yet queued: the pool shuts down, and the drain's
		// deadline sweep and the final sweep both run before the caller goes on.
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.scheduler.getScheduledThreadPoolExecutor().shutdown();
		TrackedExecutors.TrackedExecutor executor = this.executors.getAll().get(0);
		executor.abandonOneShots(Long.MIN_VALUE, "not run by the drain deadline");
		assertThat(this.reported).isEmpty();
		this.scheduler.proceed.countDown();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> caller.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(TaskRejectedException.class);
		executor.abandonOneShots(Long.MIN_VALUE, "dropped when the scheduler shut down");
		// The caller has the exception: counted once as rejected, not reported as lost.
		assertThat(this.reported).isEmpty();
		assertThat(this.statistics.getTasks(TaskOutcome.REJECTED)).isOne();
		assertThat(this.statistics.getTasks(TaskOutcome.ABANDONED)).isZero();
		assertThat(executor.tracker().getPending()).isZero();
	}

	@Test
	void oneShotQueuedInAPoolThatShutDownIsStillReportedAsAbandoned() {
		initialize();
		this.scheduler.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(true);
		this.scheduler.schedule(named("queued"), Instant.now().plusSeconds(30));
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.scheduler.getScheduledThreadPoolExecutor().shutdown();
		TrackedExecutors.TrackedExecutor executor = this.executors.getAll().get(0);
		executor.abandonOneShots(Long.MIN_VALUE, "not run by the drain deadline");
		assertThat(this.reported).singleElement().satisfies((task) -> {
			assertThat(task.description()).isEqualTo("queued");
			assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
		});
		assertThat(executor.tracker().getPending()).isZero();
	}

	@Test
	void oneShotRefusedByASchedulerShutDownWhileTheApplicationRunsIsNotReported() {
		initialize();
		this.scheduler.getScheduledThreadPoolExecutor().shutdown();
		assertThatExceptionOfType(TaskRejectedException.class)
			.isThrownBy(() -> this.scheduler.schedule(named("refused early"), Instant.now().plusSeconds(1)));
		assertThat(this.reported).isEmpty();
		assertThat(this.executors.getAll().get(0).tracker().getPending()).isZero();
	}

	private void initialize() {
		SymptomSuppressor suppressor = new SymptomSuppressor(
				new SymptomClassifier(this.state, SymptomCatalogue.shipped()), this.statistics, LogLevel.OFF);
		ExecutorDecoratingPostProcessor postProcessor = new ExecutorDecoratingPostProcessor(
				(name, executor) -> new QuietTaskDecorator(name, suppressor, this.executors.register(name, executor)),
				Set.of());
		postProcessor.postProcessBeforeInitialization(this.scheduler, "reminders");
		this.scheduler.initialize();
		postProcessor.postProcessAfterInitialization(this.scheduler, "reminders");
	}

	/**
	 * Stalls the submitting thread between the decoration of a task and the pool's check
	 * whether it still takes tasks, as a preempted thread would.
	 */
	static final class PausingScheduler extends ThreadPoolTaskScheduler {

		private static final long serialVersionUID = 1L;

		volatile boolean pause;

		final CountDownLatch decorated = new CountDownLatch(1);

		final CountDownLatch proceed = new CountDownLatch(1);

		@Override
		protected ScheduledExecutorService createExecutor(int poolSize, ThreadFactory threadFactory,
				RejectedExecutionHandler rejectedExecutionHandler) {
			// Spring's own pool applies the task decorator here, through a private method.
			Method decorate = ReflectionUtils.findMethod(ThreadPoolTaskScheduler.class, "decorateTaskIfNecessary",
					RunnableScheduledFuture.class);
			ReflectionUtils.makeAccessible(decorate);
			return new ScheduledThreadPoolExecutor(poolSize, threadFactory, rejectedExecutionHandler) {

				@Override
				protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
					@SuppressWarnings("unchecked")
					RunnableScheduledFuture<V> result = (RunnableScheduledFuture<V>) ReflectionUtils
						.invokeMethod(decorate, PausingScheduler.this, task);
					if (PausingScheduler.this.pause) {
						PausingScheduler.this.decorated.countDown();
						try {
							PausingScheduler.this.proceed.await(10, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
					return result;
				}

			};
		}

	}

}
