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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.TaskRejectedException;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.TaskFailures;

/**
 * Keeps the books of one executor and wakes the drain the moment the last pending task
 * ends: no polling.
 * <p>
 * A task is pending from the moment it is accepted (decorated) until it has run, been
 * abandoned or been refused: queued and running tasks alike. For a scheduler, whose
 * periodic tasks never end, only running executions and one-shot tasks are pending.
 * <p>
 * The books: every task accepted before intake closed, or handed over by a running task
 * while the executor drained, ends as {@code completed}, {@code failed} or
 * {@code abandoned}; refusals are counted apart. Accepts and releases are counted on two
 * sides of the moment shutdown began, each by the thread that saw the state, so that the
 * tasks in the books (accepted during shutdown, or pending when it began) are counted
 * independently of their outcomes: the balance is a check, not a definition.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskTracker {

	private static final Log logger = LogFactory.getLog(TaskTracker.class);

	private final String name;

	private final boolean scheduler;

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final LongAdder completed;

	private final LongAdder failed;

	private final LongAdder rejected;

	private final AbandonedTaskReporter reporter;

	private final BooleanSupplier intakeStopped;

	private final Object owner;

	private final boolean threadPerTask;

	// Four adders rather than one atomic counter: the submitting and the running threads
	// increment different cells instead of fighting over one cache line. Accepts and
	// releases seen while the application ran are kept apart from those seen during
	// shutdown, which makes the books.
	private final LongAdder acceptedRunning = new LongAdder();

	private final LongAdder releasedRunning = new LongAdder();

	private final LongAdder acceptedShutdown = new LongAdder();

	private final LongAdder releasedShutdown = new LongAdder();

	// Decorated during shutdown, then refused to the caller by the executor itself.
	private final LongAdder withdrawn = new LongAdder();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private volatile boolean draining;

	private volatile Intake intake = Intake.OPEN;

	private final AtomicBoolean refusalLogged = new AtomicBoolean();

	// Tasks that failed during shutdown, reported in one line per executor.
	private final Queue<AbandonedTask> failures = new ConcurrentLinkedQueue<>();

	// One-shot tasks of a scheduler, waiting for their time: pending like executor tasks.
	private final Set<OneShot> oneShots = ConcurrentHashMap.newKeySet();

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

	/**
	 * Create a new tracker for an executor of no registry.
	 * @param name the executor bean name
	 * @param scheduler whether the executor is a scheduler
	 * @param state the shutdown state
	 * @param statistics where outcomes are counted
	 * @param reporter where tasks that were not done are reported
	 * @param intakeStopped whether the executor refuses new tasks now
	 */
	public TaskTracker(String name, boolean scheduler, ShutdownState state, ShutdownStatistics statistics,
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
		// Created up front so that meters read zero rather than nothing.
		this.completed = statistics.tasks(name, TaskOutcome.COMPLETED);
		this.failed = statistics.tasks(name, TaskOutcome.FAILED);
		statistics.tasks(name, TaskOutcome.ABANDONED);
		this.rejected = statistics.tasks(name, TaskOutcome.REJECTED);
		this.reporter = reporter;
		this.intakeStopped = intakeStopped;
		this.owner = owner;
		this.threadPerTask = threadPerTask;
		statistics.registerBooks(name, () -> getBooks().accepted(), this::getPending);
	}

	/**
	 * Whether the executor starts a thread for each task, so that each task marks its
	 * thread (see {@link TaskThreads}).
	 * @return {@code true} for a thread-per-task executor
	 */
	public boolean isThreadPerTask() {
		return this.threadPerTask;
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
	 * Return the registry of the executors whose running tasks may hand work to this one
	 * during the drain.
	 * @return the owner
	 */
	public Object getOwner() {
		return this.owner;
	}

	/**
	 * Return the number of pending tasks.
	 * @return the pending count
	 */
	public long getPending() {
		// Releases first: a task accepted between the reads makes the estimate larger,
		// never smaller, so the drain never ends early.
		long released = this.releasedRunning.sum() + this.releasedShutdown.sum();
		return this.acceptedRunning.sum() + this.acceptedShutdown.sum() - released;
	}

	/**
	 * Return the books of the shutdown so far.
	 * @return the books
	 */
	public Books getBooks() {
		long accepted = this.acceptedShutdown.sum() - this.withdrawn.sum() + this.acceptedRunning.sum()
				- this.releasedRunning.sum();
		return new Books(accepted, this.completed.sum(), this.failed.sum(),
				this.statistics.tasks(this.name, TaskOutcome.ABANDONED).sum(), this.rejected.sum(), getPending());
	}

	/**
	 * Return the time since shutdown began, or zero if it has not.
	 * @return the time since the state entered CLOSING
	 */
	public Duration timeSinceShutdownBegan() {
		Instant closing = this.state.getEntered(ShutdownPhase.CLOSING);
		return (closing != null) ? Duration.between(closing, Instant.now()) : Duration.ZERO;
	}

	/**
	 * Refuse a task offered now if the executor's intake is closed to it: from the start
	 * of the drain, only the tasks of the tracked executors may hand over work (until the
	 * drain ends); after the drain, nothing. Called during shutdown only, before the task
	 * is accepted.
	 * @param task the task as offered, for the exception
	 * @throws TaskRejectedException if the task is refused
	 */
	public void checkIntake(Object task) {
		Intake intake = this.intake;
		if (intake == Intake.OPEN || (intake == Intake.CONTINUATIONS && TaskThreads.runsTasksOf(this.owner))) {
			return;
		}
		refused();
		throw new TaskRejectedException("Executor '" + this.name + "' did not accept task: " + task + " ("
				+ ((intake == Intake.CLOSED) ? "it has drained for shutdown and stays closed"
						: "it is draining for shutdown and accepts only work handed over by running tasks")
				+ ")");
	}

	/**
	 * Close intake to outside callers: called when the drain begins.
	 */
	public void closeIntake() {
		if (this.intake == Intake.OPEN) {
			this.intake = Intake.CONTINUATIONS;
		}
	}

	/**
	 * Close intake for good: called when the drain of the executor has ended.
	 */
	public void close() {
		this.intake = Intake.CLOSED;
	}

	/**
	 * Count a task refused to its caller during shutdown. The caller has the exception or
	 * the {@code false}: one INFO line per executor, no report.
	 */
	public void refused() {
		this.rejected.increment();
		if (this.refusalLogged.compareAndSet(false, true) && logger.isInfoEnabled()) {
			logger.info("'" + this.name + "' refuses new tasks from outside while it drains for shutdown; "
					+ "their callers get the refusal (counted as rejected)");
		}
	}

	/**
	 * Called when a task is accepted (decorated).
	 * @param duringShutdown whether shutdown had begun, as the caller read it
	 */
	public void accepted(boolean duringShutdown) {
		if (!this.scheduler) {
			accept(duringShutdown);
		}
	}

	/**
	 * Called when an item is accepted by a worker of its own.
	 */
	public void accepted() {
		accepted(this.state.isShuttingDown());
	}

	private void accept(boolean duringShutdown) {
		if (duringShutdown) {
			this.acceptedShutdown.increment();
		}
		else {
			this.acceptedRunning.increment();
		}
	}

	/**
	 * Called when a one-shot task is scheduled on a scheduler: it is pending until it has
	 * run or been abandoned.
	 * @param task the task
	 * @param duringShutdown whether shutdown had begun, as the caller read it
	 */
	public void acceptedOneShot(OneShot task, boolean duringShutdown) {
		accept(duringShutdown);
		this.oneShots.add(task);
	}

	/**
	 * Called when a task starts running.
	 */
	public void started() {
		if (this.scheduler) {
			accept(this.state.isShuttingDown());
		}
	}

	/**
	 * Called when a task has run.
	 * @param task the task
	 * @param failure what the task threw, or {@code null}
	 */
	public void finished(Task task, Throwable failure) {
		if (!this.state.isShuttingDown()) {
			this.releasedRunning.increment();
			release();
			return;
		}
		TaskFailures.Failure marked = TaskFailures.take();
		Throwable cause = (failure != null) ? failure
				: ((marked != null) ? marked.exception() : task.failureKeptByFuture());
		if (cause == null) {
			this.completed.increment();
		}
		else {
			this.failed.increment();
			AbandonedTask described = task.describe(TaskOutcome.FAILED);
			if (described != null) {
				this.failures.add(withOrigin(described, marked));
			}
		}
		this.releasedShutdown.increment();
		release();
	}

	// A future that has run no longer says what it ran, and a lambda never says: where the
	// failure was marked (an @Async method, say) does.
	private static AbandonedTask withOrigin(AbandonedTask task, TaskFailures.Failure marked) {
		String description = task.description();
		if (marked == null || !(description.startsWith(FutureTask.class.getName() + "@")
				|| description.contains("$$Lambda"))) {
			return task;
		}
		return new AbandonedTask(task.source(), task.task(), marked.origin(), task.age(), task.outcome(),
				task.acceptedBeforeShutdown());
	}

	/**
	 * Called when an item of a worker of its own has been processed.
	 * @param failure what processing threw, or {@code null}
	 */
	public void finished(Throwable failure) {
		finished(Task.NONE, failure);
	}

	/**
	 * Called when a one-shot task has run.
	 * @param task the task
	 * @param failure what the task threw, or {@code null}
	 */
	public void finishedOneShot(OneShot task, Throwable failure) {
		if (this.oneShots.remove(task)) {
			finished(task, failure);
		}
	}

	/**
	 * Called when a one-shot task will never run.
	 * @param task the task
	 */
	public void releasedOneShot(OneShot task) {
		if (this.oneShots.remove(task)) {
			dropped();
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
	 * Called when an accepted task will never run: abandoned, or dropped by the executor.
	 * It is reported by whoever dropped it.
	 */
	public void dropped() {
		if (this.state.isShuttingDown()) {
			this.releasedShutdown.increment();
		}
		else {
			this.releasedRunning.increment();
		}
		release();
	}

	/**
	 * Called when an accepted task will never run and must not be reported: the executor
	 * refused it and the caller got the exception.
	 * @param duringShutdown whether the task was accepted during shutdown
	 */
	public void withdrawn(boolean duringShutdown) {
		if (!this.scheduler) {
			withdraw(duringShutdown);
		}
	}

	/**
	 * Called when a one-shot task will never run and must not be reported: the scheduler
	 * refused it and the caller got the exception.
	 * @param task the task
	 * @param duringShutdown whether the task was accepted during shutdown
	 */
	public void withdrawnOneShot(OneShot task, boolean duringShutdown) {
		if (this.oneShots.remove(task)) {
			withdraw(duringShutdown);
		}
	}

	private void withdraw(boolean duringShutdown) {
		if (duringShutdown) {
			this.withdrawn.increment();
			this.releasedShutdown.increment();
		}
		else {
			this.releasedRunning.increment();
		}
		release();
	}

	/**
	 * Called when an item of a worker of its own was taken back before it was processed.
	 */
	public void discarded() {
		dropped();
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
	 * Report the tasks that failed since the last call, in one line, and pass each to the
	 * {@link AbandonedTaskHandler} beans. They are counted already.
	 */
	public void reportFailures() {
		List<AbandonedTask> failed = new ArrayList<>();
		for (AbandonedTask task = this.failures.poll(); task != null; task = this.failures.poll()) {
			failed.add(task);
		}
		this.reporter.announce(this.name, "failed during shutdown (a shutdown symptom's stack trace is not logged)",
				failed);
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

	private enum Intake {

		OPEN, CONTINUATIONS, CLOSED

	}

	/**
	 * The books of one executor during shutdown.
	 *
	 * @param accepted tasks pending when shutdown began, or accepted since
	 * @param completed tasks that ran to their end without an exception
	 * @param failed tasks that ended with an exception, shown or suppressed
	 * @param abandoned tasks that will never run
	 * @param rejected tasks refused to their callers, not in the books
	 * @param running tasks still pending
	 */
	public record Books(long accepted, long completed, long failed, long abandoned, long rejected, long running) {

		/**
		 * Whether every accepted task is accounted for.
		 * @return {@code true} if accepted = completed + failed + abandoned + running
		 */
		public boolean balances() {
			return this.accepted == this.completed + this.failed + this.abandoned + this.running;
		}

	}

	/**
	 * A tracked task, as far as its books need it.
	 */
	public interface Task {

		/**
		 * No task: an item of a worker of its own.
		 */
		Task NONE = new Task() {

			@Override
			public AbandonedTask describe(TaskOutcome outcome) {
				return null;
			}

		};

		/**
		 * Describe the task for its report.
		 * @param outcome what became of it
		 * @return the description, or {@code null} for none
		 */
		AbandonedTask describe(TaskOutcome outcome);

		/**
		 * Return what the task's future holds instead of throwing it, once run.
		 * @return the failure, or {@code null}
		 */
		default Throwable failureKeptByFuture() {
			return null;
		}

	}

	/**
	 * A task scheduled to run once, later.
	 */
	public interface OneShot extends Task {

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
