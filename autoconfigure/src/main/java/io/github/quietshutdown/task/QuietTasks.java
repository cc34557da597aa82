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

import java.util.Collection;
import java.util.concurrent.RunnableScheduledFuture;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;

/**
 * What the executor side tells the quiet wrappers inside an executor's queue: a refusal, a
 * task a rejection policy dropped or discarded, a task the drain abandons. Each call reads
 * the task as the executor holds it, and does nothing to a task that is not one of ours.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietTasks {

	private QuietTasks() {
	}

	/**
	 * Mark a task the executor refused to its caller, who has the exception: it was never
	 * accepted. A refusal after shutdown began is counted as rejected.
	 * @param task the refused runnable, as given to the executor
	 */
	public static void rejected(Runnable task) {
		if (unwrap(task) instanceof QuietRunnable quiet && !quiet.started
				&& (quiet.oneShot != null || !quiet.decorator.tracker().isScheduler())) {
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
		Object decorated = SpringExecutors.decoratedRunnable(task);
		return (decorated != null) ? decorated : task;
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
	 * Whether a frame of a thread's stack is the quiet wrapper's: the thread runs a task.
	 * @param frame the frame
	 * @return {@code true} for a frame of the wrapper
	 */
	public static boolean isWrapperFrame(StackTraceElement frame) {
		return frame.getClassName().equals(QuietRunnable.class.getName());
	}

	// Asked of schedulers only: a failing instanceof against an interface scans the class's
	// interfaces every time, the largest cost of the wrapper on an executor.
	static RunnableScheduledFuture<?> oneShot(Runnable submitted) {
		return (submitted instanceof RunnableScheduledFuture<?> scheduled && !scheduled.isPeriodic()
				&& !SpringExecutors.isTriggerFiring()) ? scheduled : null;
	}

}
