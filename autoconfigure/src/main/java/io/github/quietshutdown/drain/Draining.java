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

import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

import io.github.quietshutdown.task.TrackedExecutors;

/**
 * The drain of one executor: when it began, its deadline, and whether it is done, drained
 * or given up.
 *
 * @author Quiet Shutdown authors
 */
final class Draining {

	private final TrackedExecutors.TrackedExecutor executor;

	private final long start;

	private final long deadline;

	private boolean done;

	private boolean gaveUp;

	Draining(TrackedExecutors.TrackedExecutor executor, long start, long deadline) {
		this.executor = executor;
		this.start = start;
		this.deadline = deadline;
	}

	TrackedExecutors.TrackedExecutor executor() {
		return this.executor;
	}

	long start() {
		return this.start;
	}

	long deadline() {
		return this.deadline;
	}

	boolean isDone() {
		return this.done;
	}

	boolean hasGivenUp() {
		return this.gaveUp;
	}

	void drained() {
		this.done = true;
	}

	void givenUp() {
		this.done = true;
		this.gaveUp = true;
	}

	// A task of another executor handed it work after it was idle.
	boolean reopenIfPending() {
		if (this.done && !this.gaveUp && this.executor.tracker().getPending() > 0 && System.nanoTime() < this.deadline) {
			this.done = false;
			return true;
		}
		return false;
	}

	/**
	 * Stop the executor the Spring way, without waiting for its tasks.
	 * @param executor the executor
	 */
	static void initiateShutdown(Object executor) {
		if (executor instanceof ExecutorConfigurationSupport support) {
			support.initiateShutdown();
		}
	}

}
