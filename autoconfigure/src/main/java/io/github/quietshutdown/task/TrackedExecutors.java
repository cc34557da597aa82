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

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;

/**
 * The executors whose tasks Quiet Shutdown tracks, by bean name. Holding them here, rather
 * than injecting them into the drain, keeps Spring from stopping the drain together with
 * the executors it depends on.
 *
 * @author Quiet Shutdown authors
 */
public final class TrackedExecutors {

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final AbandonedTaskReporter reporter;

	private final Map<String, TrackedExecutor> executors = new LinkedHashMap<>();

	/**
	 * Create a new registry.
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where dropped tasks are reported
	 */
	public TrackedExecutors(ShutdownState state, ShutdownStatistics statistics, AbandonedTaskReporter reporter) {
		this.state = state;
		this.statistics = statistics;
		this.reporter = reporter;
		// Whatever one-shot task is still pending once every bean is destroyed will never
		// run: Spring's shutdownNow() dropped it, or the drain was off.
		state.onPhase(io.github.quietshutdown.ShutdownPhase.CLOSING,
				() -> getAll().forEach((executor) -> executor.tracker().oneShots().rememberDescriptions()));
		state.onPhase(io.github.quietshutdown.ShutdownPhase.CLOSED, -1, () -> getAll().forEach((executor) -> {
			executor.abandonOneShots(Long.MIN_VALUE, "dropped when the scheduler shut down");
			// Tasks that failed after their executor's drain, while beans were destroyed.
			executor.tracker().outcomes().reportFailures();
		}));
	}

	/**
	 * Register an executor and return the tracker of its tasks.
	 * @param name the bean name
	 * @param executor the executor
	 * @return the tracker
	 */
	public synchronized TaskTracker register(String name, Object executor) {
		TaskTracker tracker = new TaskTracker(name, executor instanceof TaskScheduler, this.state, this.statistics,
				this.reporter, () -> isShutDown(executor), this, executor instanceof SimpleAsyncTaskExecutor);
		this.executors.put(name, new TrackedExecutor(name, executor, tracker));
		return tracker;
	}

	private static boolean isShutDown(Object executor) {
		ScheduledThreadPoolExecutor pool = SpringExecutors.schedulerPool(executor);
		return pool != null && pool.isShutdown();
	}

	/**
	 * Return the tracked executors in registration order.
	 * @return the executors
	 */
	public synchronized List<TrackedExecutor> getAll() {
		return new ArrayList<>(this.executors.values());
	}

	/**
	 * An executor and the tracker of its tasks.
	 *
	 * @param name the bean name
	 * @param executor the executor
	 * @param tracker the tracker
	 */
	public record TrackedExecutor(String name, Object executor, TaskTracker tracker) {

		/**
		 * Report the one-shot tasks of a scheduler that will not be due within the horizon:
		 * they cannot finish in time, so they are reported now rather than at the deadline.
		 * @param horizonNanos how far ahead a task may still be due
		 * @param reason why the tasks will not run
		 */
		public void abandonOneShots(long horizonNanos, String reason) {
			TaskTracker tracker = this.tracker;
			List<OneShotTask> due = tracker.oneShots().notRunWithin(horizonNanos);
			if (due.isEmpty()) {
				return;
			}
			Set<Object> queued = queuedIfShutDown(this.executor);
			List<AbandonedTask> abandoned = new ArrayList<>();
			for (OneShotTask task : due) {
				if (queued != null && task.isWaiting() && !queued.contains(task)) {
					// Decorated, but not yet queued by a pool that has shut down since: the pool
					// is about to refuse it to its caller, and the refusal reports it.
					continue;
				}
				AbandonedTask dropped = QuietTasks.abandon((Runnable) task, reason);
				if (dropped != null) {
					abandoned.add(dropped);
				}
			}
			tracker.outcomes().reportDropped(abandoned, reason);
		}

		// The quiet wrappers in the queue of a scheduler's pool that has shut down, or null.
		private static Set<Object> queuedIfShutDown(Object executor) {
			ScheduledThreadPoolExecutor pool = SpringExecutors.schedulerPool(executor);
			if (pool == null || !pool.isShutdown()) {
				return null;
			}
			Set<Object> queued = Collections.newSetFromMap(new IdentityHashMap<>());
			pool.getQueue().forEach((task) -> queued.add(QuietTasks.unwrap(task)));
			return queued;
		}
	}

}
