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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.task.QuietTasks;
import io.github.quietshutdown.task.SpringExecutors;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * How the drain of an executor ends: drained, its time recorded; or given up at its
 * deadline: it closes for good, stops the Spring way, its queued tasks are taken out and
 * reported as abandoned, and the threads still running tasks are named with where they
 * are, then interrupted.
 *
 * @author Quiet Shutdown authors
 */
final class DrainEnd {

	// The drain's own lines, under the drain's name.
	private static final Log logger = LogFactory.getLog(ExecutorDrain.class);

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	DrainEnd(ShutdownState state, ShutdownStatistics statistics) {
		this.state = state;
		this.statistics = statistics;
	}

	/**
	 * Record that an executor has drained.
	 * @param draining the drain of the executor
	 * @param took how long since the drain began
	 */
	void drained(Draining draining, Duration took) {
		String name = draining.executor().name();
		this.statistics.recordDrain(name, took);
		draining.drained();
		if (logger.isDebugEnabled()) {
			logger.debug("Drained '" + name + "' in " + took.toMillis() + " ms");
		}
	}

	/**
	 * Give up the drain of an executor.
	 * @param draining the drain of the executor
	 * @param reason why its queued tasks are abandoned
	 */
	void giveUp(Draining draining, String reason) {
		draining.givenUp();
		TrackedExecutors.TrackedExecutor executor = draining.executor();
		executor.tracker().intake().close();
		this.statistics.recordDrain(executor.name(), Duration.ofNanos(System.nanoTime() - draining.start()));
		Draining.initiateShutdown(executor.executor());
		ThreadPoolExecutor pool = SpringExecutors.threadPool(executor.executor());
		executor.tracker().outcomes().reportDropped(takeQueued(executor, pool, reason), reason);
		executor.abandonOneShots(Long.MIN_VALUE, "not run by the drain deadline");
		long stuck = executor.tracker().getPending();
		if (stuck > 0) {
			logger.warn("'" + executor.name() + "': " + stuck + " task(s) still running after the drain deadline"
					+ ((pool != null) ? ", interrupted" : "") + ThreadDumps.tasksRunningOn(executor.executor()));
			if (pool != null) {
				// Past its deadline: Spring's own stop would wait for them up to the phase
				// timeout, and interrupt them at destruction anyway. What they do not finish
				// is reported as failed.
				pool.shutdownNow();
			}
		}
	}

	private List<AbandonedTask> takeQueued(TrackedExecutors.TrackedExecutor executor, ThreadPoolExecutor pool,
			String reason) {
		List<Runnable> queued = new ArrayList<>();
		if (pool != null) {
			pool.getQueue().drainTo(queued);
		}
		List<AbandonedTask> abandoned = new ArrayList<>();
		for (Runnable task : queued) {
			AbandonedTask dropped = QuietTasks.abandon(task, reason);
			abandoned.add((dropped != null) ? dropped : new AbandonedTask(executor.name(), task, task.toString(),
					this.state.getTimeSinceShutdownBegan(), TaskOutcome.ABANDONED, true));
		}
		return abandoned;
	}

}
