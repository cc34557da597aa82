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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.record.ShutdownStatistics;
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

	private static final Duration MAX_REPORTING_RESERVE = Duration.ofMillis(50);

	private final TrackedExecutors executors;

	private final Function<String, Duration> timeouts;

	private final ShutdownState state;

	private final DrainEnd end;

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
		this.end = new DrainEnd(state, statistics);
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
			.map((draining) -> "'" + draining.executor().name() + "' " + draining.executor().tracker().getPending()
					+ " pending, deadline " + Duration.ofNanos(draining.deadline() - start).toMillis() + " ms")
			.collect(Collectors.joining(", ")));
		try {
			drain(open, start, progress);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			open.stream()
				.filter((draining) -> !draining.isDone())
				.forEach((draining) -> this.end.giveUp(draining, "the drain was interrupted"));
		}
		for (Draining draining : open) {
			if (!draining.hasGivenUp()) {
				// Drained: stays closed, and stops now rather than at its destruction.
				draining.executor().tracker().intake().close();
				Draining.initiateShutdown(draining.executor().executor());
			}
			draining.executor().tracker().outcomes().reportFailures();
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
			Draining.initiateShutdown(executor.executor());
		}
		else {
			executor.tracker().intake().closeToOutsiders();
		}
	}

	private void drain(List<Draining> open, long start, DrainProgress progress) throws InterruptedException {
		boolean again = true;
		while (again) {
			// Earliest deadline first: waiting on one never delays another past its deadline.
			for (Draining draining : open) {
				if (!draining.isDone()) {
					drain(draining, start, progress);
				}
			}
			// A task of one executor may have handed work to another that was already idle.
			again = false;
			for (Draining draining : open) {
				again |= draining.reopenIfPending();
			}
		}
	}

	private void drain(Draining draining, long start, DrainProgress progress) throws InterruptedException {
		TrackedExecutors.TrackedExecutor executor = draining.executor();
		executor.abandonOneShots(draining.deadline() - System.nanoTime(),
				"scheduled to run after the drain deadline, or dropped by the executor");
		if (progress.awaitIdle(executor.tracker(), draining.deadline())) {
			this.end.drained(draining, Duration.ofNanos(System.nanoTime() - start));
		}
		else {
			this.end.giveUp(draining, "still queued at the drain deadline ("
					+ Duration.ofNanos(draining.deadline() - draining.start()).toMillis() + " ms)");
		}
	}

}
