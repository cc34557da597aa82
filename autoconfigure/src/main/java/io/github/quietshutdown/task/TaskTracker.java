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

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;

/**
 * Keeps the books of one executor (see {@link Books}) and wakes the drain the moment the
 * last pending task ends: no polling. A task is pending from the moment it is accepted
 * (decorated) until it has run, been abandoned or been refused: queued and running tasks
 * alike. For a scheduler, whose periodic tasks never end, only running executions and
 * one-shot tasks are pending. Accepts and releases are counted on two sides of the moment
 * shutdown began (see {@link PendingTasks}), independently of the outcomes: the balance is
 * a check, not a definition.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskTracker {

	private final String name;

	private final boolean scheduler;

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final TaskOutcomes outcomes;

	private final BooleanSupplier intakeStopped;

	private final Object owner;

	private final TaskIntake intake;

	private final PendingTasks pending = new PendingTasks();

	private final boolean threadPerTask;

	private final OneShotBooks oneShots = new OneShotBooks(this, this.pending);

	/**
	 * Create a new tracker, for a worker of its own.
	 * @param name the executor bean name
	 * @param scheduler whether the executor is a scheduler
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where tasks that were not done are reported
	 */
	public TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
			AbandonedTaskReporter reporter) {
		this(name, scheduler, state, statistics, reporter, () -> false, new Object(), false);
	}

	// For an executor of no registry.
	TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
			AbandonedTaskReporter reporter, BooleanSupplier intakeStopped) {
		this(name, scheduler, state, statistics, reporter, intakeStopped, new Object(), false);
	}

	/**
	 * Create a new tracker.
	 * @param name the executor bean name
	 * @param scheduler whether the executor is a scheduler
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where tasks that were not done are reported
	 * @param intakeStopped whether the executor refuses new tasks now
	 * @param owner the registry of the executors whose tasks may hand work to this one
	 * during the drain
	 * @param threadPerTask whether the executor starts a thread for each task
	 */
	public TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
			AbandonedTaskReporter reporter, BooleanSupplier intakeStopped, Object owner, boolean threadPerTask) {
		this.name = name;
		this.scheduler = scheduler;
		this.state = state;
		this.statistics = statistics;
		this.outcomes = new TaskOutcomes(name, statistics, reporter);
		this.intakeStopped = intakeStopped;
		this.owner = owner;
		this.intake = new TaskIntake(name, owner, statistics.tasks(name, TaskOutcome.REJECTED));
		this.threadPerTask = threadPerTask;
		statistics.registerBooks(name, () -> getBooks().accepted(), this::getPending);
	}

	// Whether each task marks its thread (see TaskThreads): a thread-per-task executor.
	boolean isThreadPerTask() {
		return this.threadPerTask;
	}

	/**
	 * Whether the executor is a scheduler.
	 * @return {@code true} for a scheduler
	 */
	public boolean isScheduler() {
		return this.scheduler;
	}

	// The registry of the executors whose running tasks may hand this one work while it drains.
	Object getOwner() {
		return this.owner;
	}

	/**
	 * Return the number of pending tasks.
	 * @return the count
	 */
	public long getPending() {
		return this.pending.pending();
	}

	/**
	 * Return the books of the shutdown so far.
	 * @return the books
	 */
	public Books getBooks() {
		return new Books(this.pending.accepted(), this.outcomes.completed(), this.outcomes.failed(),
				this.statistics.tasks(this.name, TaskOutcome.ABANDONED).sum(),
				this.statistics.tasks(this.name, TaskOutcome.REJECTED).sum(), getPending());
	}

	/**
	 * Called when a task is accepted (decorated).
	 * @param duringShutdown whether shutdown had begun, as the caller read it
	 */
	public void accepted(boolean duringShutdown) {
		if (!this.scheduler) {
			this.pending.accept(duringShutdown);
		}
	}

	// Called when a task starts running.
	void started() {
		if (this.scheduler) {
			this.pending.accept(this.state.isShuttingDown());
		}
	}

	/**
	 * Called when a task has run.
	 * @param task the task
	 * @param failure what the task threw, or {@code null}
	 */
	public void finished(TrackedTask task, Throwable failure) {
		if (!this.state.isShuttingDown()) {
			this.pending.release(false);
			return;
		}
		this.outcomes.finished(task, failure);
		this.pending.release(true);
	}

	/**
	 * Called when an accepted task will never run: abandoned, dropped by the executor, or
	 * taken back from a worker of its own. Whoever dropped it reports it.
	 */
	public void dropped() {
		this.pending.release(this.state.isShuttingDown());
	}

	/**
	 * Called when an accepted task will never run and must not be reported: the executor
	 * refused it and the caller got the exception.
	 * @param duringShutdown whether the task was accepted during shutdown
	 */
	public void withdrawn(boolean duringShutdown) {
		if (!this.scheduler) {
			this.pending.withdraw(duringShutdown);
		}
	}

	// Whether the executor refuses new tasks now (a scheduler shut down at close).
	boolean isIntakeStopped() {
		return this.intakeStopped.getAsBoolean();
	}

	/**
	 * Return who may still hand the executor work during shutdown.
	 * @return the intake
	 */
	public TaskIntake intake() {
		return this.intake;
	}

	/**
	 * Return what became of the tasks that ran during shutdown, and their reports.
	 * @return the outcomes
	 */
	public TaskOutcomes outcomes() {
		return this.outcomes;
	}

	// The scheduler's one-shot tasks that wait for their time.
	OneShotBooks oneShots() {
		return this.oneShots;
	}

	// The shutdown state, which every task reads.
	ShutdownState state() {
		return this.state;
	}

	/**
	 * Whether the application is shutting down.
	 * @return {@code true} once shutdown has begun
	 */
	public boolean isShuttingDown() {
		return this.state.isShuttingDown();
	}

	/**
	 * Wait until no task is pending or the deadline passes. Woken by the task that ends
	 * last.
	 * @param deadlineNanos the deadline, in {@link System#nanoTime()} terms
	 * @return {@code true} if no task is pending
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitIdle(long deadlineNanos) throws InterruptedException {
		return this.pending.awaitIdle(deadlineNanos);
	}

	// Wait at most the given time until no task is pending.
	boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
		return awaitIdle(System.nanoTime() + unit.toNanos(timeout));
	}

}
