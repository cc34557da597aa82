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

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.LongAdder;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.TaskFailures;

/**
 * Decides what became of each task of one executor that ran during shutdown, completed or
 * failed, and reports the failed ones by name, in one line per executor.
 * <p>
 * A task failed if it threw, if a shutdown symptom was suppressed on its thread while it
 * ran (its stack trace is not logged, the fact is), or if its future kept an exception.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskOutcomes {

	private final String name;

	private final LongAdder completed;

	private final LongAdder failed;

	private final AbandonedTaskReporter reporter;

	// Tasks that failed during shutdown, reported in one line per executor.
	private final Queue<AbandonedTask> failures = new ConcurrentLinkedQueue<>();

	TaskOutcomes(String name, ShutdownStatistics statistics, AbandonedTaskReporter reporter) {
		this.name = name;
		// Created up front so that meters read zero rather than nothing.
		this.completed = statistics.tasks(name, TaskOutcome.COMPLETED);
		this.failed = statistics.tasks(name, TaskOutcome.FAILED);
		statistics.tasks(name, TaskOutcome.ABANDONED);
		this.reporter = reporter;
	}

	void finished(TrackedTask task, Throwable failure) {
		TaskFailures.Failure marked = TaskFailures.take();
		Throwable cause = (failure != null) ? failure
				: ((marked != null) ? marked.exception() : task.failureKeptByFuture());
		if (cause == null) {
			this.completed.increment();
			return;
		}
		this.failed.increment();
		AbandonedTask described = task.describe(TaskOutcome.FAILED);
		if (described != null) {
			this.failures.add(withOrigin(described, marked));
		}
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

	long completed() {
		return this.completed.sum();
	}

	long failed() {
		return this.failed.sum();
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
	 * {@code AbandonedTaskHandler} beans. They are counted already.
	 */
	public void reportFailures() {
		List<AbandonedTask> failed = new ArrayList<>();
		for (AbandonedTask task = this.failures.poll(); task != null; task = this.failures.poll()) {
			failed.add(task);
		}
		this.reporter.announce(this.name, "failed during shutdown (a shutdown symptom's stack trace is not logged)",
				failed);
	}

}
