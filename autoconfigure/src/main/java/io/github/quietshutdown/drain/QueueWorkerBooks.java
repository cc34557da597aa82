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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.springframework.context.ApplicationContext;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.record.TaskFailures;
import io.github.quietshutdown.task.TaskTracker;

/**
 * The books of one {@link QueueWorker}: what was offered, processed, refused and left, its
 * drain deadline, and where the outcomes are recorded and reported.
 *
 * @author Quiet Shutdown authors
 */
final class QueueWorkerBooks {

	// Without the starter's beans (quiet-shutdown.enabled=false): the default of
	// quiet-shutdown.drain.timeout, which is not bound then.
	private static final Duration STANDALONE_TIMEOUT = Duration.ofSeconds(20);

	private final String name;

	private final TaskTracker tracker;

	private final ShutdownStatistics statistics;

	private final SymptomSuppressor suppressor;

	private final ShutdownBudget budget;

	private final Duration timeout;

	private QueueWorkerBooks(String name, QueueWorkerSupport support, Duration timeout) {
		this.name = name;
		this.tracker = new TaskTracker(name, false, support.state(), support.statistics(), support.reporter());
		this.statistics = support.statistics();
		this.suppressor = support.suppressor();
		this.budget = support.budget();
		this.timeout = (timeout != null) ? timeout : support.timeouts().apply(name);
	}

	/**
	 * Open the books of a worker with the starter's collaborators of its context, or
	 * standalone ones if the starter is switched off.
	 * @param name the bean name of the worker
	 * @param context the context of the worker, or {@code null}
	 * @param timeout the timeout set on the worker, or {@code null} for the configured one
	 * @return the books
	 */
	static QueueWorkerBooks open(String name, ApplicationContext context, Duration timeout) {
		QueueWorkerSupport support = (context != null)
				? context.getBeanProvider(QueueWorkerSupport.class).getIfAvailable() : null;
		if (support == null) {
			support = QueueWorkerSupport.standalone(STANDALONE_TIMEOUT);
		}
		return new QueueWorkerBooks(name, support, timeout);
	}

	// The caller has the false: counted, not reported.
	void refused() {
		if (this.tracker.isShuttingDown()) {
			this.tracker.intake().refused();
		}
	}

	boolean accept(BooleanSupplier enqueue) {
		boolean duringShutdown = this.tracker.isShuttingDown();
		this.tracker.accepted(duringShutdown);
		if (enqueue.getAsBoolean()) {
			return true;
		}
		this.tracker.withdrawn(duringShutdown);
		return false;
	}

	void starting() {
		if (this.tracker.isShuttingDown()) {
			TaskFailures.clear();
		}
	}

	void finished(QueueItem<?> item, Throwable failure) {
		this.tracker.finished(item, failure);
	}

	boolean isSymptom(RuntimeException ex) {
		return this.suppressor != null && this.suppressor.suppress(SymptomSource.EXECUTOR, this.name, ex);
	}

	/**
	 * Return the deadline of a drain that starts now.
	 * @param start the start of the drain, in {@link System#nanoTime()} terms
	 * @return the deadline, in the same terms
	 */
	long deadline(long start) {
		long deadline = start + this.timeout.toNanos();
		if (this.budget != null) {
			// What is left of the grace period, less the time the report needs.
			deadline = Math.min(deadline, this.budget.deadlineNanos());
		}
		return deadline;
	}

	boolean awaitIdle(long deadline) {
		try {
			return this.tracker.awaitIdle(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Close the books at the end of the drain: report the items left, record the drain.
	 * @param left the items still queued
	 * @param idle whether the queue ran empty before the deadline
	 * @param start the start of the drain
	 * @param deadline its deadline
	 */
	void close(List<? extends QueueItem<?>> left, boolean idle, long start, long deadline) {
		long waitMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - start));
		List<AbandonedTask> abandoned = new ArrayList<>();
		for (QueueItem<?> item : left) {
			this.tracker.dropped();
			abandoned.add(item.describe(TaskOutcome.ABANDONED));
		}
		this.tracker.outcomes().reportDropped(abandoned, idle ? "offered as intake stopped"
				: "still queued at the drain deadline (" + waitMs + " ms)");
		this.statistics.recordDrain(this.name, Duration.ofNanos(System.nanoTime() - start));
		this.tracker.outcomes().reportFailures();
	}

}
