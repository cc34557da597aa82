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

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-shot tasks of a scheduler, waiting for their time: pending like an executor's
 * tasks from the moment they are scheduled until they have run, been abandoned or been
 * refused. Each is released once: whoever removes it from the set releases it.
 *
 * @author Quiet Shutdown authors
 */
final class OneShotBooks {

	private final TaskTracker tracker;

	private final PendingTasks pending;

	private final Set<OneShotTask> waiting = ConcurrentHashMap.newKeySet();

	OneShotBooks(TaskTracker tracker, PendingTasks pending) {
		this.tracker = tracker;
		this.pending = pending;
	}

	void accepted(OneShotTask task, boolean duringShutdown) {
		this.pending.accept(duringShutdown);
		this.waiting.add(task);
	}

	void finished(OneShotTask task, Throwable failure) {
		if (this.waiting.remove(task)) {
			this.tracker.finished(task, failure);
		}
	}

	// It will never run.
	void released(OneShotTask task) {
		if (this.waiting.remove(task)) {
			this.tracker.dropped();
		}
	}

	// It will never run, and must not be reported: the scheduler refused it and the caller
	// got the exception.
	void withdrawn(OneShotTask task, boolean duringShutdown) {
		if (this.waiting.remove(task)) {
			this.pending.withdraw(duringShutdown);
		}
	}

	/**
	 * Return the one-shot tasks that will not run within the given time: due later, or
	 * already dropped by the executor (a task queued as the executor shut down is cancelled
	 * by it without a word to its caller).
	 * @param horizonNanos the time from now, in nanoseconds; {@link Long#MIN_VALUE} for all
	 * @return the tasks that will not run in time
	 */
	public List<OneShotTask> notRunWithin(long horizonNanos) {
		return this.waiting.stream()
			.filter((task) -> task.isDroppedByExecutor() || task.remainingDelayNanos() > horizonNanos)
			.toList();
	}

	// Called when shutdown begins, before any executor has shut down: once cancelled, a
	// future no longer describes its task.
	void rememberDescriptions() {
		this.waiting.forEach(OneShotTask::rememberDescription);
	}

}
