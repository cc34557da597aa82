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
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.lang.Nullable;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.TaskFailures;

/**
 * The quiet wrapper around each task: it keeps the task's place in its executor's books
 * and drops the shutdown symptoms the task throws.
 *
 * @author Quiet Shutdown authors
 */
final class QuietRunnable extends DroppableTask implements OneShotTask {

	private final Runnable delegate;

	final QuietTaskDecorator decorator;

	// Zero for tasks accepted before shutdown began: the clock is read only during
	// shutdown, to keep it off the normal path.
	private final long acceptedAt;

	// Written and read by the thread that runs the task (or a rejection policy's caller).
	boolean started;

	// The task as submitted, before any decorator: see OriginalTaskMap.
	Object original;

	// A scheduler's task that runs once, later, pending until it has run; else null.
	@Nullable
	final RunnableScheduledFuture<?> oneShot;

	// For one-shots, taken when shutdown begins: see rememberDescription().
	private volatile String description;

	QuietRunnable(Runnable delegate, Runnable submitted, QuietTaskDecorator decorator) {
		this.delegate = delegate;
		this.decorator = decorator;
		TaskTracker tracker = decorator.tracker();
		boolean duringShutdown = tracker.isShuttingDown();
		if (duringShutdown && !tracker.isScheduler()) {
			// Refused here, before anything is counted as accepted: the caller gets
			// the exception, as from an executor that has shut down.
			tracker.intake().check(submitted);
		}
		this.acceptedAt = duringShutdown ? System.nanoTime() : 0L;
		RunnableScheduledFuture<?> once = tracker.isScheduler() ? QuietTasks.oneShot(submitted) : null;
		if (submitted != delegate) {
			this.original = submitted;
		}
		if (once != null && tracker.isIntakeStopped()) {
			// The scheduler has shut down: it is about to refuse this task to its caller,
			// who gets the exception.
			this.oneShot = null;
			markDropped();
			if (duringShutdown) {
				tracker.intake().refused();
			}
			return;
		}
		this.oneShot = once;
		if (once != null) {
			if (duringShutdown) {
				rememberDescription();
			}
			tracker.oneShots().accepted(this, duringShutdown);
		}
		else {
			tracker.accepted(duringShutdown);
		}
	}

	@Override
	public long remainingDelayNanos() {
		return (this.oneShot != null) ? this.oneShot.getDelay(TimeUnit.NANOSECONDS) : 0L;
	}

	@Override
	public void rememberDescription() {
		if (this.description == null) {
			this.description = SubmittedTasks.describe(submitted());
		}
	}

	@Override
	public boolean isDroppedByExecutor() {
		return !this.started && this.oneShot != null && this.oneShot.isDone();
	}

	@Override
	public boolean isWaiting() {
		return !this.started && this.oneShot != null && !this.oneShot.isDone();
	}

	@Override
	public void run() {
		TaskTracker tracker = this.decorator.tracker();
		boolean tracked = claimToRun();
		if (!tracked && this.oneShot != null) {
			// Abandoned at the drain deadline, just as it came due.
			return;
		}
		// Not tracked: marked as refused just as a rejection policy handed it to a worker
		// after all. It runs, and was already counted out.
		this.started = true;
		if (tracked && this.oneShot == null) {
			tracker.started();
		}
		if (tracker.isThreadPerTask() || tracker.isShuttingDown()) {
			TaskThreads.mark(tracker.getOwner());
			TaskFailures.clear();
			if (tracker.isShuttingDown()) {
				// Once run, a future no longer says what it ran: for the report, if it fails.
				rememberDescription();
			}
		}
		Throwable failure = null;
		try {
			this.delegate.run();
		}
		catch (Throwable ex) {
			failure = ex;
			if (!this.decorator.suppressor().suppress(SymptomSource.EXECUTOR, this.decorator.getExecutorName(), ex)) {
				throw ex;
			}
		}
		finally {
			if (tracked && this.oneShot != null) {
				tracker.oneShots().finished(this, failure);
			}
			else if (tracked) {
				tracker.finished(this, failure);
			}
		}
	}

	@Override
	public Throwable failureKeptByFuture() {
		// A scheduler's future holds what its error handler has already seen, or the
		// refusal of its next firing once the scheduler stopped triggering.
		return this.decorator.tracker().isScheduler() ? null : SubmittedTasks.failureKeptBy(submitted());
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		return !this.started && drop("dropped when the executor shut down", true);
	}

	// Accepted as far as the caller knows, and dropped by the executor: abandoned.
	// While the application runs, that is what the application chose (a discarding
	// rejection policy); it is reported only once shutdown has begun.
	boolean drop(String reason, boolean evenBeforeShutdown) {
		if (!markDropped()) {
			return false;
		}
		release();
		TaskTracker tracker = this.decorator.tracker();
		if (evenBeforeShutdown || tracker.isShuttingDown()) {
			tracker.outcomes().reportDropped(List.of(describe(TaskOutcome.ABANDONED)), reason);
		}
		return true;
	}

	// Refused to the caller, who has the exception: never accepted.
	void refuse() {
		if (!markDropped()) {
			return;
		}
		TaskTracker tracker = this.decorator.tracker();
		boolean duringShutdown = this.acceptedAt != 0L;
		if (this.oneShot != null) {
			tracker.oneShots().withdrawn(this, duringShutdown);
		}
		else {
			tracker.withdrawn(duringShutdown);
		}
		if (tracker.isShuttingDown()) {
			tracker.intake().refused();
		}
	}

	// The task will never run: it is no longer pending.
	void release() {
		if (this.oneShot != null) {
			this.decorator.tracker().oneShots().released(this);
		}
		else {
			this.decorator.tracker().dropped();
		}
	}

	// The task as its caller gave it, for descriptions: a decorator's wrapper rarely
	// says what it wraps.
	private Object submitted() {
		Object original = this.original;
		return (original != null) ? original : this.delegate;
	}

	void cancelDelegate() {
		// A task submitted with submit() is a FutureTask: cancel it so its caller is not
		// left waiting forever.
		if (this.delegate instanceof Future<?> future) {
			future.cancel(false);
		}
		if (this.original != this.delegate && this.original instanceof Future<?> future) {
			future.cancel(false);
		}
	}

	@Override
	public AbandonedTask describe(TaskOutcome outcome) {
		boolean beforeShutdown = this.acceptedAt == 0L;
		Duration age = beforeShutdown ? this.decorator.tracker().state().getTimeSinceShutdownBegan()
				: Duration.ofNanos(System.nanoTime() - this.acceptedAt);
		String text = this.description;
		return new AbandonedTask(this.decorator.getExecutorName(), this.delegate,
				(text != null) ? text : SubmittedTasks.describe(submitted()), age, outcome, beforeShutdown);
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
