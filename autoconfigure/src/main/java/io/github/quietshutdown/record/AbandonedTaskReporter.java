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
package io.github.quietshutdown.record;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;

/**
 * Reports tasks that will not run: counts them, logs them by name, and passes each to the
 * {@link AbandonedTaskHandler} beans.
 *
 * @author Quiet Shutdown authors
 */
public final class AbandonedTaskReporter {

	private static final Log logger = LogFactory.getLog(AbandonedTaskReporter.class);

	private static final int LOGGED_TASKS = 10;

	private final ShutdownStatistics statistics;

	private final Supplier<List<AbandonedTaskHandler>> handlerSupplier;

	private volatile List<AbandonedTaskHandler> handlers;

	/**
	 * Create a new reporter.
	 * @param statistics where outcomes are counted
	 * @param handlers supplies the handlers, resolved when a report is made
	 */
	public AbandonedTaskReporter(ShutdownStatistics statistics, Supplier<List<AbandonedTaskHandler>> handlers) {
		this.statistics = statistics;
		this.handlerSupplier = handlers;
	}

	/**
	 * Resolve the handlers now, while beans can still be created: call it when shutdown
	 * begins. Reports made before then resolve them on first use.
	 */
	public void prepare() {
		getHandlers();
	}

	private List<AbandonedTaskHandler> getHandlers() {
		List<AbandonedTaskHandler> handlers = this.handlers;
		if (handlers == null) {
			handlers = List.copyOf(this.handlerSupplier.get());
			this.handlers = handlers;
		}
		return handlers;
	}

	/**
	 * Count and report tasks of one executor or worker that were accepted and will not
	 * run.
	 * @param source bean name of the executor or worker
	 * @param reason why, for the log, such as "still queued at the drain deadline (5s)"
	 * @param tasks the tasks
	 */
	public void report(String source, String reason, List<AbandonedTask> tasks) {
		tasks.forEach((task) -> this.statistics.tasks(source, task.outcome()).increment());
		announce(source, reason, tasks);
	}

	/**
	 * Report tasks of one executor or worker that were accepted and not done, counted
	 * already: one WARN line naming the first of them, each kept for the shutdown report
	 * and passed to every {@link AbandonedTaskHandler}.
	 * @param source bean name of the executor or worker
	 * @param reason why they were not done, for the log
	 * @param tasks the tasks
	 */
	public void announce(String source, String reason, List<AbandonedTask> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		List<AbandonedTaskHandler> handlers = getHandlers();
		String names = tasks.stream().limit(LOGGED_TASKS).map(AbandonedTask::toString).collect(Collectors.joining(", "));
		String more = (tasks.size() > LOGGED_TASKS) ? " and " + (tasks.size() - LOGGED_TASKS) + " more" : "";
		String verb = tasks.stream().allMatch((task) -> task.outcome() == TaskOutcome.FAILED) ? " did not complete, "
				: " will not run, ";
		logger.warn("'" + source + "': " + tasks.size() + " task(s)" + verb + reason + ": [" + names + "]" + more
				+ "; passed to " + handlers.size() + " AbandonedTaskHandler(s)");
		for (AbandonedTask task : tasks) {
			this.statistics.recordLost(new LostTask(source, task.outcome().tagValue(), task.description(), reason));
			for (AbandonedTaskHandler handler : handlers) {
				try {
					handler.handle(task);
				}
				catch (RuntimeException ex) {
					logger.warn("AbandonedTaskHandler " + handler + " failed for " + task, ex);
				}
			}
		}
	}

}
