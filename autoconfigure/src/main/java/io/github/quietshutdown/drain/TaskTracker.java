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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.report.ShutdownStatistics;
import io.github.quietshutdown.report.ShutdownStatistics.TaskOutcome;

/**
 * Counts the pending tasks of one executor and wakes the drain the moment the last one
 * ends: no polling.
 * <p>
 * For an executor, a task is pending from the moment it is accepted (decorated) until it
 * has run, been abandoned or been rejected: queued and running tasks alike. For a scheduler,
 * whose periodic tasks never end, only running executions are pending.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskTracker {

	private final String name;

	private final boolean scheduler;

	private final ShutdownState state;

	private final LongAdder completed;

	private final AbandonedTaskReporter reporter;

	private final BooleanSupplier intakeStopped;

	// Two adders rather than one atomic counter: the submitting and the running threads
	// increment different cells instead of fighting over one cache line.
	private final LongAdder accepted = new LongAdder();

	private final LongAdder released = new LongAdder();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private volatile boolean draining;

	// One-shot tasks of a scheduler, waiting for their time: pending like executor tasks.
	private final Set<OneShot> oneShots = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new tracker.
	 * @param name the executor bean name
	 * @param scheduler whether the executor is a scheduler
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where rejected tasks are reported
	 */
	public TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
			AbandonedTaskReporter reporter) {
		this(name, scheduler, state, statistics, reporter, () -> false);
	}

	/**
	 * Create a new tracker.
	 * @param name the executor bean name
	 * @param scheduler whether the executor is a scheduler
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where rejected tasks are reported
	 * @param intakeStopped whether the executor refuses new tasks now
	 */
	public TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
			AbandonedTaskReporter reporter, BooleanSupplier intakeStopped) {
		this.intakeStopped = intakeStopped;
		this.name = name;
		this.scheduler = scheduler;
		this.state = state;
		this.completed = statistics.tasks(name, TaskOutcome.COMPLETED);
		// Created up front so that meters read zero rather than nothing.
		statistics.tasks(name, TaskOutcome.ABANDONED);
		statistics.tasks(name, TaskOutcome.REJECTED);
		this.reporter = reporter;
	}

	/**
	 * Return the executor bean name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Whether the executor is a scheduler.
	 * @return {@code true} for a scheduler
	 */
	public boolean isScheduler() {
		return this.scheduler;
	}

	/**
	 * Return the number of pending tasks.
	 * @return the pending count
	 */
	public long getPending() {
		// Released first: a task accepted between the two reads makes the estimate larger,
		// never smaller, so the drain never ends early.
		long released = this.released.sum();
		return this.accepted.sum() - released;
	}

	/**
	 * Return the time since shutdown began, or zero if it has not.
	 * @return the time since the state entered CLOSING
	 */
	public java.time.Duration timeSinceShutdownBegan() {
		java.time.Instant closing = this.state.getEntered(io.github.quietshutdown.ShutdownPhase.CLOSING);
		return (closing != null) ? java.time.Duration.between(closing, java.time.Instant.now()) : java.time.Duration.ZERO;
	}

	/**
	 * Called when a task is accepted (decorated).
	 */
	public void accepted() {
		if (!this.scheduler) {
			this.accepted.increment();
		}
	}

	/**
	 * Called when a one-shot task is scheduled on a scheduler: it is pending until it has
	 * run or been abandoned.
	 * @param task the task
	 */
	public void acceptedOneShot(OneShot task) {
		this.accepted.increment();
		this.oneShots.add(task);
	}

	/**
	 * Called when a one-shot task has run, normally or not.
	 * @param task the task
	 */
	public void finishedOneShot(OneShot task) {
		if (this.state.isShuttingDown()) {
			this.completed.increment();
		}
		releasedOneShot(task);
	}

	/**
	 * Called when a one-shot task will never run.
	 * @param task the task
	 */
	public void releasedOneShot(OneShot task) {
		if (this.oneShots.remove(task)) {
			release();
		}
	}

	/**
	 * Return the one-shot tasks that will not run within the given time: due later, or
	 * already dropped by the executor (a task queued as the executor shut down is cancelled
	 * by it without a word to its caller).
	 * @param horizonNanos the time from now, in nanoseconds; {@link Long#MIN_VALUE} for all
	 * @return the tasks that will not run in time
	 */
	public List<OneShot> oneShotsNotRunWithin(long horizonNanos) {
		return this.oneShots.stream()
			.filter((task) -> task.isDroppedByExecutor() || task.remainingDelayNanos() > horizonNanos)
			.toList();
	}

	/**
	 * Remember the descriptions of the pending one-shot tasks: called when shutdown begins,
	 * before any executor has shut down.
	 */
	public void rememberOneShotDescriptions() {
		this.oneShots.forEach(OneShot::rememberDescription);
	}

	/**
	 * Called when a task starts running.
	 */
	public void started() {
		if (this.scheduler) {
			this.accepted.increment();
		}
	}

	/**
	 * Called when a task has run, normally or not.
	 */
	public void finished() {
		if (this.state.isShuttingDown()) {
			this.completed.increment();
		}
		release();
	}

	/**
	 * Called when an accepted task will never run and must not be reported: the executor
	 * refused it while the application was running, and the caller got the exception.
	 */
	public void discarded() {
		if (!this.scheduler) {
			release();
		}
	}

	/**
	 * Report tasks of this executor that will never run, already released.
	 * @param tasks the tasks
	 * @param reason why they will not run, for the log
	 */
	public void reportDropped(List<AbandonedTask> tasks, String reason) {
		this.reporter.report(this.name, reason, tasks);
	}

	/**
	 * Whether the executor refuses new tasks now (a scheduler shut down at close).
	 * @return {@code true} if new tasks will be rejected
	 */
	public boolean isIntakeStopped() {
		return this.intakeStopped.getAsBoolean();
	}

	/**
	 * Whether the application is shutting down.
	 * @return {@code true} once shutdown has begun
	 */
	public boolean isShuttingDown() {
		return this.state.isShuttingDown();
	}

	private void release() {
		this.released.increment();
		if (this.draining && getPending() <= 0) {
			this.lock.lock();
			try {
				this.idle.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Wait until no task is pending or the deadline passes. Woken by the task that ends
	 * last.
	 * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
	 * @return {@code true} if no task is pending
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
		this.draining = true;
		this.lock.lock();
		try {
			long remaining = deadlineNanos - System.nanoTime();
			while (getPending() > 0) {
				if (remaining <= 0) {
					return false;
				}
				remaining = this.idle.awaitNanos(remaining);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait at most the given time until no task is pending.
	 * @param timeout the maximum time
	 * @param unit the unit of the timeout
	 * @return {@code true} if no task is pending
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
		return awaitIdle(System.nanoTime() + unit.toNanos(timeout));
	}

	/**
	 * A task scheduled to run once, later.
	 */
	public interface OneShot {

		/**
		 * Return the time until the task is due.
		 * @return the remaining delay in nanoseconds, zero or less if due
		 */
		long remainingDelayNanos();

		/**
		 * Whether the executor has cancelled the task without running it.
		 * @return {@code true} if it will never run
		 */
		boolean isDroppedByExecutor();

		/**
		 * Whether the task has neither started nor been cancelled: it is queued, or on its
		 * way into the executor's queue.
		 * @return {@code true} if it may still run
		 */
		boolean isWaiting();

		/**
		 * Remember what the task is, while its future still says so: once cancelled, a
		 * future no longer describes its task.
		 */
		void rememberDescription();

	}

}
