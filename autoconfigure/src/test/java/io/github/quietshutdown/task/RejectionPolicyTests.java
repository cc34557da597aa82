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
package io.github.quietshutdown.task;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;

import static io.github.quietshutdown.test.NamedTask.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's rejection policy decides what happens to a task its executor refuses;
 * whatever it decides, each task is counted in and out exactly once, so that the drain
 * neither ends early nor waits for a task that no longer exists.
 */
class RejectionPolicyTests {

	private static final int TASKS = 20;

	private final ShutdownState state = new ShutdownState();

	private final ShutdownStatistics statistics = new ShutdownStatistics();

	private final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

	private final TrackedExecutors executors = new TrackedExecutors(this.state, this.statistics,
			new AbandonedTaskReporter(this.statistics, () -> List.of(this.reported::add)));

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	private final CountDownLatch gate = new CountDownLatch(1);

	private TaskTracker tracker;

	@AfterEach
	void shutDown() {
		this.gate.countDown();
		this.executor.shutdown();
	}

	@Test
	void tasksQueuedByABlockingPolicyAreCountedOnce() throws Exception {
		CountDownLatch firstRefusal = new CountDownLatch(1);
		initialize(1, (task, pool) -> {
			firstRefusal.countDown();
			try {
				pool.getQueue().put(task);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		CountDownLatch ran = new CountDownLatch(TASKS);
		Thread submitter = new Thread(() -> {
			for (int i = 0; i < TASKS; i++) {
				this.executor.execute(ran::countDown);
			}
		});
		submitter.start();
		assertThat(firstRefusal.await(5, TimeUnit.SECONDS)).isTrue();
		this.gate.countDown();
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		submitter.join(5000);
		assertThat(this.tracker.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.tracker.getPending()).isZero();
		assertThat(this.reported).isEmpty();
	}

	@Test
	void taskDiscardedToMakeRoomIsCountedOutAndReportedOnceShutdownHasBegun() throws Exception {
		initialize(2, new ThreadPoolExecutor.DiscardOldestPolicy());
		List<String> ran = new CopyOnWriteArrayList<>();
		this.executor.execute(named("oldest", () -> ran.add("oldest")));
		this.executor.execute(named("older", () -> ran.add("older")));
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.executor.execute(named("newest", () -> ran.add("newest")));
		this.gate.countDown();
		assertThat(this.tracker.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.tracker.getPending()).isZero();
		assertThat(ran).containsExactly("older", "newest");
		assertThat(this.reported).singleElement().satisfies((task) -> {
			assertThat(task.description()).isEqualTo("oldest");
			assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
		});
	}

	@Test
	void taskDroppedByAPolicyThatReturnsIsCountedOutAndReportedOnceShutdownHasBegun() throws Exception {
		initialize(1, (task, pool) -> {
		});
		this.executor.execute(named("queued"));
		this.executor.execute(named("dropped while running"));
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.executor.execute(named("dropped during shutdown"));
		this.gate.countDown();
		assertThat(this.tracker.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
		// Its caller was told nothing: accepted work that will not run.
		assertThat(this.reported).singleElement().satisfies((task) -> {
			assertThat(task.description()).isEqualTo("dropped during shutdown");
			assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
		});
	}

	@Test
	void taskRunByTheCallerIsNeitherReportedNorCountedTwice() throws Exception {
		initialize(1, new ThreadPoolExecutor.CallerRunsPolicy());
		List<String> ran = new CopyOnWriteArrayList<>();
		this.executor.execute(named("queued", () -> ran.add("queued")));
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.executor.execute(named("run by the caller", () -> ran.add("run by the caller")));
		assertThat(ran).containsExactly("run by the caller");
		this.gate.countDown();
		assertThat(this.tracker.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.tracker.getPending()).isZero();
		assertThat(ran).containsExactly("run by the caller", "queued");
		assertThat(this.reported).isEmpty();
	}

	// One worker, held by a gate task, and a queue of the given capacity.
	private void initialize(int queueCapacity, RejectedExecutionHandler policy) {
		SymptomSuppressor suppressor = new SymptomSuppressor(
				new SymptomClassifier(this.state, SymptomCatalogue.shipped()), this.statistics, LogLevel.OFF);
		ExecutorDecoratingPostProcessor postProcessor = new ExecutorDecoratingPostProcessor((name, executor) -> {
			this.tracker = this.executors.register(name, executor);
			return new QuietTaskDecorator(name, suppressor, this.tracker);
		}, Set.of());
		this.executor.setCorePoolSize(1);
		this.executor.setMaxPoolSize(1);
		this.executor.setQueueCapacity(queueCapacity);
		this.executor.setRejectedExecutionHandler(policy);
		postProcessor.postProcessBeforeInitialization(this.executor, "workers");
		this.executor.initialize();
		postProcessor.postProcessAfterInitialization(this.executor, "workers");
		CountDownLatch holding = new CountDownLatch(1);
		this.executor.execute(() -> {
			holding.countDown();
			try {
				this.gate.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
