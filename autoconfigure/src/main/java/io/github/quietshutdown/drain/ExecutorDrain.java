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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.util.CustomizableThreadCreator;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.task.QuietTasks;
import io.github.quietshutdown.task.SpringExecutors;
import io.github.quietshutdown.task.TaskTracker;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Drains the tracked executors when the context closes, after the web server has stopped
 * and before the executors stop and resources such as the {@code DataSource} are destroyed.
 * <p>
 * When the drain begins, every executor's intake closes to outside callers: a task offered
 * from then on is refused to its caller ({@code TaskRejectedException}), while the tasks
 * that were accepted run to their end, and work that running tasks of the tracked
 * executors hand over (a second stage, a retry) is still accepted. So the drain takes the
 * time of the backlog, however fast a producer keeps offering. The drain waits on each
 * executor's {@link TaskTracker}, which the last task to end wakes; executors drain side
 * by side and close together once all are idle, so work handed from one to another is
 * never cut between its stages. A drained executor stays closed.
 * <p>
 * At an executor's deadline (its drain timeout, or the executor's own await-termination
 * period if shorter), it closes for good, stops the Spring way ({@code initiateShutdown()}),
 * its queued tasks are taken out and reported as abandoned, and the threads still running
 * tasks are named with where they are.
 *
 * @author Quiet Shutdown authors
 */
public final class ExecutorDrain implements SmartLifecycle {

	/**
	 * Lifecycle phase of the drain: just before the executors
	 * ({@link ExecutorConfigurationSupport#DEFAULT_PHASE}), after the web server.
	 */
	public static final int PHASE = ExecutorConfigurationSupport.DEFAULT_PHASE + 1;

	private static final Log logger = LogFactory.getLog(ExecutorDrain.class);

	private static final int STACK_DEPTH = 12;

	private static final Duration MAX_REPORTING_RESERVE = Duration.ofMillis(50);

	private final TrackedExecutors executors;

	private final Function<String, Duration> timeouts;

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final Duration progressInterval;

	private volatile boolean running;

	/**
	 * Create a new drain.
	 * @param executors the tracked executors
	 * @param timeouts the drain timeout of each executor, by bean name
	 * @param state the shutdown state, moved to {@link ShutdownPhase#DRAINED} at the end
	 * @param statistics where drain durations are recorded
	 */
	public ExecutorDrain(TrackedExecutors executors, Function<String, Duration> timeouts, ShutdownState state,
			ShutdownStatistics statistics) {
		this(executors, timeouts, state, statistics, DrainProgress.DEFAULT_INTERVAL);
	}

	/**
	 * Create a new drain.
	 * @param executors the tracked executors
	 * @param timeouts the drain timeout of each executor, by bean name
	 * @param state the shutdown state, moved to {@link ShutdownPhase#DRAINED} at the end
	 * @param statistics where drain durations are recorded
	 * @param progressInterval time between two progress lines while the drain lasts
	 */
	public ExecutorDrain(TrackedExecutors executors, Function<String, Duration> timeouts, ShutdownState state,
			ShutdownStatistics statistics, Duration progressInterval) {
		this.executors = executors;
		this.timeouts = timeouts;
		this.state = state;
		this.statistics = statistics;
		this.progressInterval = progressInterval;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		drain();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Drain every tracked executor, then move the state to {@link ShutdownPhase#DRAINED}.
	 */
	public void drain() {
		long start = System.nanoTime();
		List<Draining> open = new ArrayList<>();
		for (TrackedExecutors.TrackedExecutor executor : this.executors.getAll()) {
			open.add(new Draining(executor, start, start + timeout(executor).toNanos()));
			closeIntake(executor);
		}
		open.sort(Comparator.comparingLong(Draining::deadline));
		DrainProgress progress = new DrainProgress(open.stream().map(Draining::executor).toList(), start,
				this.progressInterval);
		progress.started(open.stream()
			.map((draining) -> "'" + draining.executor.name() + "' " + draining.executor.tracker().getPending()
					+ " pending, deadline " + Duration.ofNanos(draining.deadline - start).toMillis() + " ms")
			.collect(Collectors.joining(", ")));
		try {
			drain(open, start, progress);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			open.stream().filter((draining) -> !draining.done).forEach((draining) -> giveUp(draining, "the drain was interrupted"));
		}
		for (Draining draining : open) {
			if (!draining.gaveUp) {
				// Drained: stays closed, and stops now rather than at its destruction.
				draining.executor.tracker().intake().close();
				initiateShutdown(draining.executor.executor());
			}
			draining.executor.tracker().outcomes().reportFailures();
		}
		progress.ended();
		this.state.advanceTo(ShutdownPhase.DRAINED);
	}

	// The application's own await-termination period bounds the whole stop of its executor,
	// so the drain gives up early enough to name what it abandons within that period.
	private Duration timeout(TrackedExecutors.TrackedExecutor executor) {
		Duration timeout = this.timeouts.apply(executor.name());
		Duration own = SpringExecutors.awaitTerminationPeriod(executor.executor());
		if (own == null || own.compareTo(timeout) >= 0) {
			return timeout;
		}
		Duration reserve = own.dividedBy(50);
		return own.minus((reserve.compareTo(MAX_REPORTING_RESERVE) < 0) ? reserve : MAX_REPORTING_RESERVE);
	}

	private static void closeIntake(TrackedExecutors.TrackedExecutor executor) {
		if (executor.tracker().isScheduler()) {
			// A scheduler left open by late shutdown stops triggering; its one-shot tasks
			// already queued still run.
			initiateShutdown(executor.executor());
		}
		else {
			executor.tracker().intake().closeToOutsiders();
		}
	}

	private static void initiateShutdown(Object executor) {
		if (executor instanceof ExecutorConfigurationSupport support) {
			support.initiateShutdown();
		}
	}

	private void drain(List<Draining> open, long start, DrainProgress progress) throws InterruptedException {
		boolean again = true;
		while (again) {
			// Earliest deadline first: waiting on one never delays another past its deadline.
			for (Draining draining : open) {
				if (draining.done) {
					continue;
				}
				draining.executor.abandonOneShots(draining.deadline - System.nanoTime(),
						"scheduled to run after the drain deadline, or dropped by the executor");
				if (progress.awaitIdle(draining.executor.tracker(), draining.deadline)) {
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					this.statistics.recordDrain(draining.executor.name(), took);
					draining.done = true;
					if (logger.isDebugEnabled()) {
						logger.debug("Drained '" + draining.executor.name() + "' in " + took.toMillis() + " ms");
					}
				}
				else {
					giveUp(draining, "still queued at the drain deadline ("
							+ Duration.ofNanos(draining.deadline - draining.start).toMillis() + " ms)");
				}
			}
			// A task of one executor may have handed work to another that was already idle.
			again = false;
			for (Draining draining : open) {
				if (draining.done && !draining.gaveUp && draining.executor.tracker().getPending() > 0
						&& System.nanoTime() < draining.deadline) {
					draining.done = false;
					again = true;
				}
			}
		}
	}

	private void giveUp(Draining draining, String reason) {
		draining.done = true;
		draining.gaveUp = true;
		TrackedExecutors.TrackedExecutor executor = draining.executor;
		executor.tracker().intake().close();
		this.statistics.recordDrain(executor.name(), Duration.ofNanos(System.nanoTime() - draining.start));
		initiateShutdown(executor.executor());
		List<Runnable> queued = new ArrayList<>();
		ThreadPoolExecutor pool = SpringExecutors.threadPool(executor.executor());
		if (pool != null) {
			pool.getQueue().drainTo(queued);
		}
		List<AbandonedTask> abandoned = new ArrayList<>();
		for (Runnable task : queued) {
			AbandonedTask dropped = QuietTasks.abandon(task, reason);
			abandoned.add((dropped != null) ? dropped : new AbandonedTask(executor.name(), task, task.toString(),
					this.state.getTimeSinceShutdownBegan(), TaskOutcome.ABANDONED, true));
		}
		executor.tracker().outcomes().reportDropped(abandoned, reason);
		draining.executor.abandonOneShots(Long.MIN_VALUE, "not run by the drain deadline");
		long stuck = executor.tracker().getPending();
		if (stuck > 0) {
			logger.warn("'" + executor.name() + "': " + stuck + " task(s) still running after the drain deadline"
					+ ((pool != null) ? ", interrupted" : "") + stuckThreads(executor.executor()));
			if (pool != null) {
				// Past its deadline: Spring's own stop would wait for them up to the phase
				// timeout, and interrupt them at destruction anyway. What they do not finish
				// is reported as failed.
				pool.shutdownNow();
			}
		}
	}

	private static String stuckThreads(Object executor) {
		String prefix = (executor instanceof CustomizableThreadCreator creator) ? creator.getThreadNamePrefix() : null;
		StringBuilder report = new StringBuilder();
		for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
			Thread thread = entry.getKey();
			StackTraceElement[] stack = entry.getValue();
			if ((prefix == null || thread.getName().startsWith(prefix)) && runsQuietTask(stack)) {
				report.append("\n  thread '").append(thread.getName()).append("' (").append(thread.getState()).append(')');
				for (int i = 0; i < Math.min(STACK_DEPTH, stack.length); i++) {
					report.append("\n\tat ").append(stack[i]);
				}
				if (stack.length > STACK_DEPTH) {
					report.append("\n\t... ").append(stack.length - STACK_DEPTH).append(" more");
				}
			}
		}
		return report.toString();
	}

	private static boolean runsQuietTask(StackTraceElement[] stack) {
		for (StackTraceElement element : stack) {
			if (QuietTasks.isWrapperFrame(element)) {
				return true;
			}
		}
		return false;
	}

	private static final class Draining {

		private final TrackedExecutors.TrackedExecutor executor;

		private final long start;

		private final long deadline;

		private boolean done;

		private boolean gaveUp;

		Draining(TrackedExecutors.TrackedExecutor executor, long start, long deadline) {
			this.executor = executor;
			this.start = start;
			this.deadline = deadline;
		}

		TrackedExecutors.TrackedExecutor executor() {
			return this.executor;
		}

		long deadline() {
			return this.deadline;
		}

	}

}
