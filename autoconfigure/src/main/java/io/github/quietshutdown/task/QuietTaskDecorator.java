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

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.springframework.core.task.TaskDecorator;
import org.springframework.lang.Nullable;
import org.springframework.util.ReflectionUtils;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.record.TaskFailures;

/**
 * {@link TaskDecorator} that drops the shutdown symptoms thrown by tasks run through
 * {@code execute()}, every other throwable leaving the task unchanged, and tracks each task
 * so that shutdown can drain it or report it.
 * <p>
 * It is composed, outermost, with the decorator the executor already had (see
 * {@link #around(TaskDecorator)}); it is never published as a {@code TaskDecorator} bean,
 * which on Spring Boot 3.5 would disable the application's own decorator.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietTaskDecorator implements TaskDecorator {

	private final String executorName;

	private final SymptomSuppressor suppressor;

	private final TaskTracker tracker;

	@Nullable
	private final TaskDecorator inner;

	/**
	 * Create a new decorator.
	 * @param executorName the bean name of the executor, used in logs and tags
	 * @param suppressor the suppressor
	 * @param tracker the tracker of the executor's tasks
	 */
	public QuietTaskDecorator(String executorName, SymptomSuppressor suppressor, TaskTracker tracker) {
		this(executorName, suppressor, tracker, null);
	}

	private QuietTaskDecorator(String executorName, SymptomSuppressor suppressor, TaskTracker tracker,
			@Nullable TaskDecorator inner) {
		this.executorName = executorName;
		this.suppressor = suppressor;
		this.tracker = tracker;
		this.inner = inner;
	}

	/**
	 * Return a decorator that applies the given decorator first and this one around it,
	 * so that the given one's wrapper runs inside the quiet one. Unlike a
	 * {@code CompositeTaskDecorator}, the quiet wrapper still sees the task as submitted:
	 * a scheduler's one-shot task is recognised whatever the inner decorator returns.
	 * @param inner the decorator the executor already had
	 * @return the composed decorator
	 */
	public QuietTaskDecorator around(TaskDecorator inner) {
		return new QuietTaskDecorator(this.executorName, this.suppressor, this.tracker, inner);
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		Runnable decorated = (this.inner != null) ? this.inner.decorate(runnable) : runnable;
		return new QuietRunnable(decorated, runnable, this);
	}

	/**
	 * Return the bean name of the decorated executor.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the tracker of the executor's tasks.
	 * @return the tracker
	 */
	public TaskTracker getTracker() {
		return this.tracker;
	}

	/**
	 * Mark a task the executor refused to its caller, who has the exception: it was never
	 * accepted. A refusal after shutdown began is counted as rejected.
	 * @param task the refused runnable, as given to the executor
	 */
	public static void rejected(Runnable task) {
		if (unwrap(task) instanceof QuietRunnable quiet && !quiet.started
				&& (quiet.oneShot != null || !quiet.decorator.tracker.isScheduler())) {
			// A scheduler's periodic task, or the next firing of a trigger, is not work
			// handed over: a scheduler that refuses it has stopped triggering.
			quiet.refuse();
		}
	}

	/**
	 * Mark a task the executor refused and whose rejection policy then returned without an
	 * exception: the policy ran the task in the caller, queued it after all (a blocking
	 * put), or dropped it. A dropped task was accepted as far as its caller knows: during
	 * shutdown it is abandoned and reported.
	 * @param task the refused runnable, as given to the executor
	 * @param queue the executor's queue
	 */
	public static void rejectionHandled(Runnable task, Collection<Runnable> queue) {
		if (unwrap(task) instanceof QuietRunnable quiet && !quiet.started && !queue.contains(task)) {
			// Should a worker have taken it from the queue meanwhile, the wrapper's run and
			// this mark race for it, and one of them wins.
			quiet.drop("dropped by the executor's rejection policy without telling its caller", false);
		}
	}

	/**
	 * Mark a task that a rejection policy took out of the queue to make room for another
	 * ({@code DiscardOldestPolicy}). It is reported once shutdown has begun.
	 * @param task the discarded runnable, as it sat in the queue
	 */
	public static void discardedByPolicy(Runnable task) {
		if (unwrap(task) instanceof QuietRunnable quiet && !quiet.started) {
			quiet.cancelDelegate();
			quiet.drop("discarded by the executor's DiscardOldestPolicy", false);
		}
	}

	/**
	 * Return the quiet wrapper inside a task as an executor holds it. A
	 * {@code ThreadPoolTaskScheduler} queues a private {@code DelegatingRunnableScheduledFuture}
	 * that holds the decorated task; it is read by reflection, only on rejection and during
	 * shutdown. Should its field ever go, a refused one-shot is reported as abandoned at
	 * close instead of as rejected.
	 * @param task the task as the executor holds it
	 * @return the quiet wrapper, or the task itself if it holds none that can be read
	 */
	public static Object unwrap(Runnable task) {
		if (task instanceof QuietRunnable || !(task instanceof RunnableScheduledFuture<?>)) {
			return task;
		}
		Field field = ReflectionUtils.findField(task.getClass(), "decoratedRunnable", Runnable.class);
		if (field == null) {
			return task;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, task);
	}

	/**
	 * Mark a task that was taken out of the executor's queue and will never run, and
	 * report it.
	 * @param task the runnable, as it sat in the queue
	 * @param reason why it will not run, for the log
	 * @return the abandoned task, or {@code null} if the runnable is not one of ours or was
	 * already dropped
	 */
	public static AbandonedTask abandon(Runnable task, String reason) {
		if (task instanceof QuietRunnable quiet && !quiet.started && quiet.markDropped()) {
			// Described before it is cancelled, which changes what a future says of itself.
			AbandonedTask abandoned = quiet.describe(TaskOutcome.ABANDONED);
			quiet.cancelDelegate();
			quiet.release();
			return abandoned;
		}
		return null;
	}

	/**
	 * Describe a task by the application's own task inside the JDK's and Spring's wrappers:
	 * {@code FutureTask[..., task = ...]}, {@code RunnableAdapter[Wrapped task = ...]},
	 * {@code DelegatingErrorHandlingRunnable for ...}.
	 * @param task the task
	 * @return the description
	 */
	static String describeTask(Object task) {
		String text = String.valueOf(task);
		int wrapped = text.lastIndexOf("Wrapped task = ");
		int start = (wrapped >= 0) ? wrapped + "Wrapped task = ".length()
				: (text.contains("[Not completed, task = ") ? text.indexOf("task = ") + "task = ".length() : -1);
		if (start >= 0) {
			// As many ']' close the wrappers as '[' opened before the task.
			int open = 0;
			for (int i = 0; i < start; i++) {
				open += (text.charAt(i) == '[') ? 1 : ((text.charAt(i) == ']') ? -1 : 0);
			}
			text = text.substring(start);
			while (open-- > 0 && text.endsWith("]")) {
				text = text.substring(0, text.length() - 1);
			}
		}
		String errorHandling = "DelegatingErrorHandlingRunnable for ";
		return text.startsWith(errorHandling) ? text.substring(errorHandling.length()) : text;
	}

	/**
	 * The wrapper around each task. It is a {@link Future} only so that an executor shut
	 * down with {@code shutdownNow()} tells it, through {@code cancel}, that it was dropped:
	 * Spring's {@code ExecutorConfigurationSupport} cancels every remaining task that is a
	 * {@code Future}. It supports nothing else of {@code Future}.
	 */
	static final class QuietRunnable implements Runnable, Future<Void>, TaskTracker.OneShot {

		private static final AtomicIntegerFieldUpdater<QuietRunnable> DROPPED = AtomicIntegerFieldUpdater
			.newUpdater(QuietRunnable.class, "dropped");

		private static final StackWalker STACK_WALKER = StackWalker.getInstance();

		private static final String RESCHEDULING_RUNNABLE = "org.springframework.scheduling.concurrent.ReschedulingRunnable";

		// From this wrapper's constructor up to ReschedulingRunnable.schedule() there are
		// seven frames on Spring Framework 6.2 and 7.0; room is left for a few more.
		private static final int TRIGGER_FIRING_DEPTH = 16;

		// For one-shots only: the run and the drain race for the task, and one of them wins.
		private static final int RUNNING = 2;

		private final Runnable delegate;

		private final QuietTaskDecorator decorator;

		// Zero for tasks accepted before shutdown began: the clock is read only during
		// shutdown, to keep it off the normal path.
		private final long acceptedAt;

		// Written and read by the thread that runs the task, or by the caller a rejection
		// handler ran it on.
		private boolean started;

		// The task as submitted, before any decorator: see OriginalTaskMap.
		Object original;

		// A scheduler's task that runs once, later: pending from now until it has run. Null
		// for every other task.
		@Nullable
		private final RunnableScheduledFuture<?> oneShot;

		// For one-shots, taken when shutdown begins: see rememberDescription().
		private volatile String description;

		private volatile int dropped;

		QuietRunnable(Runnable delegate, Runnable submitted, QuietTaskDecorator decorator) {
			this.delegate = delegate;
			this.decorator = decorator;
			TaskTracker tracker = decorator.tracker;
			boolean duringShutdown = tracker.isShuttingDown();
			if (duringShutdown && !tracker.isScheduler()) {
				// Refused here, before anything is counted as accepted: the caller gets
				// the exception, as from an executor that has shut down.
				tracker.checkIntake(submitted);
			}
			this.acceptedAt = duringShutdown ? System.nanoTime() : 0L;
			// Asked of schedulers only: a failing instanceof against an interface scans the
			// class's interfaces every time, the largest cost of this wrapper on an executor.
			RunnableScheduledFuture<?> once = (tracker.isScheduler()
					&& submitted instanceof RunnableScheduledFuture<?> scheduled && !scheduled.isPeriodic()
					&& !isTriggerFiring()) ? scheduled : null;
			if (submitted != delegate) {
				this.original = submitted;
			}
			if (once != null && tracker.isIntakeStopped()) {
				// The scheduler has shut down: it is about to refuse this task to its caller,
				// who gets the exception.
				this.oneShot = null;
				this.dropped = 1;
				if (duringShutdown) {
					tracker.refused();
				}
				return;
			}
			this.oneShot = once;
			if (once != null) {
				if (duringShutdown) {
					rememberDescription();
				}
				tracker.acceptedOneShot(this, duringShutdown);
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
				this.description = describeTask(submitted());
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

		// Spring's ReschedulingRunnable, behind every cron and Trigger task, schedules each
		// firing as a one-shot task of the pool, from its own schedule(). Those firings are
		// periodic in all but form: the scheduler stops triggering at shutdown and nobody
		// handed that work over. Spring passes the decorator nothing else to tell them
		// apart, so the call stack is asked, for a scheduler's one-shot tasks only.
		private static boolean isTriggerFiring() {
			return STACK_WALKER.walk((frames) -> frames.limit(TRIGGER_FIRING_DEPTH)
				.anyMatch((frame) -> RESCHEDULING_RUNNABLE.equals(frame.getClassName())));
		}

		@Override
		public void run() {
			TaskTracker tracker = this.decorator.tracker;
			// The run and a drop race for the task, and one of them wins.
			boolean tracked = DROPPED.compareAndSet(this, 0, RUNNING);
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
				if (!this.decorator.suppressor.suppress(SymptomSource.EXECUTOR, this.decorator.executorName, ex)) {
					throw ex;
				}
			}
			finally {
				if (tracked && this.oneShot != null) {
					tracker.finishedOneShot(this, failure);
				}
				else if (tracked) {
					tracker.finished(this, failure);
				}
			}
		}

		@Override
		public Throwable failureKeptByFuture() {
			// Read during shutdown only, of a task that has run: get() does not block. A
			// scheduler's future holds what its error handler has already seen, or the
			// refusal of its next firing once the scheduler stopped triggering.
			if (!this.decorator.tracker.isScheduler() && submitted() instanceof FutureTask<?> future
					&& future.isDone() && !future.isCancelled()) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					return (ex.getCause() != null) ? ex.getCause() : ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (CancellationException ex) {
					return null;
				}
			}
			return null;
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			return !this.started && drop("dropped when the executor shut down", true);
		}

		// Accepted as far as the caller knows, and dropped by the executor: abandoned.
		// While the application runs, that is what the application chose (a discarding
		// rejection policy); it is reported only once shutdown has begun.
		private boolean drop(String reason, boolean evenBeforeShutdown) {
			if (!markDropped()) {
				return false;
			}
			release();
			TaskTracker tracker = this.decorator.tracker;
			if (evenBeforeShutdown || tracker.isShuttingDown()) {
				tracker.reportDropped(List.of(describe(TaskOutcome.ABANDONED)), reason);
			}
			return true;
		}

		// Refused to the caller, who has the exception: never accepted.
		private void refuse() {
			if (!markDropped()) {
				return;
			}
			TaskTracker tracker = this.decorator.tracker;
			boolean duringShutdown = this.acceptedAt != 0L;
			if (this.oneShot != null) {
				tracker.withdrawnOneShot(this, duringShutdown);
			}
			else {
				tracker.withdrawn(duringShutdown);
			}
			if (tracker.isShuttingDown()) {
				tracker.refused();
			}
		}

		// The task will never run: it is no longer pending.
		private void release() {
			if (this.oneShot != null) {
				this.decorator.tracker.releasedOneShot(this);
			}
			else {
				this.decorator.tracker.dropped();
			}
		}

		// The task as its caller gave it, for descriptions: a decorator's wrapper rarely
		// says what it wraps.
		private Object submitted() {
			Object original = this.original;
			return (original != null) ? original : this.delegate;
		}

		private boolean markDropped() {
			return DROPPED.compareAndSet(this, 0, 1);
		}

		private void cancelDelegate() {
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
			Duration age = beforeShutdown ? this.decorator.tracker.timeSinceShutdownBegan()
					: Duration.ofNanos(System.nanoTime() - this.acceptedAt);
			String text = this.description;
			return new AbandonedTask(this.decorator.executorName, this.delegate,
					(text != null) ? text : describeTask(submitted()), age, outcome, beforeShutdown);
		}

		@Override
		public boolean isCancelled() {
			return this.dropped == 1;
		}

		@Override
		public boolean isDone() {
			return this.dropped == 1;
		}

		@Override
		public Void get() {
			throw unsupported();
		}

		@Override
		public Void get(long timeout, TimeUnit unit) {
			throw unsupported();
		}

		private RuntimeException unsupported() {
			return isCancelled() ? new CancellationException() : new UnsupportedOperationException(
					"Use the Future returned by the executor's submit methods to get a task's result");
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

}
