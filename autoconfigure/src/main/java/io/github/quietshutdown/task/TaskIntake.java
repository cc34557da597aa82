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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.TaskRejectedException;

/**
 * Who may still hand one executor work during shutdown: anyone until the drain begins,
 * then only the tasks of the tracked executors (until the drain ends), then nobody.
 * Refusals are counted as rejected, with one INFO line per executor: their callers know.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskIntake {

	private static final Log logger = LogFactory.getLog(TaskTracker.class);

	private final String name;

	private final Object owner;

	private final LongAdder rejected;

	private final AtomicBoolean refusalLogged = new AtomicBoolean();

	private volatile State state = State.OPEN;

	TaskIntake(String name, Object owner, LongAdder rejected) {
		this.name = name;
		this.owner = owner;
		this.rejected = rejected;
	}

	// Refuse a task offered now if intake is closed to it. Called during shutdown only,
	// before the task is accepted.
	void check(Object task) {
		State state = this.state;
		if (state == State.OPEN || (state == State.CONTINUATIONS && TaskThreads.runsTasksOf(this.owner))) {
			return;
		}
		refused();
		throw new TaskRejectedException("Executor '" + this.name + "' did not accept task: " + task + " ("
				+ ((state == State.CLOSED) ? "it has drained for shutdown and stays closed"
						: "it is draining for shutdown and accepts only work handed over by running tasks")
				+ ")");
	}

	/**
	 * Close intake to outside callers: called when the drain begins. Work handed over by
	 * the running tasks of the tracked executors is still accepted.
	 */
	public void closeToOutsiders() {
		if (this.state == State.OPEN) {
			this.state = State.CONTINUATIONS;
		}
	}

	/**
	 * Close intake for good: called when the drain of the executor has ended.
	 */
	public void close() {
		this.state = State.CLOSED;
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

	private enum State {

		OPEN, CONTINUATIONS, CLOSED

	}

}
