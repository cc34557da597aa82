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
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.task.TaskTracker;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Tells how a drain goes: one INFO line when it starts (each executor with its pending
 * tasks and deadline), one every interval while it lasts, with what is still pending.
 * Waiting still ends the moment the last task ends: the interval only bounds how long
 * the drain is silent.
 *
 * @author Quiet Shutdown authors
 */
final class DrainProgress {

	/**
	 * Default time between two progress lines.
	 */
	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(ExecutorDrain.class);

	private final List<TrackedExecutors.TrackedExecutor> executors;

	private final long start;

	private final long intervalNanos;

	private long nextLine;

	DrainProgress(List<TrackedExecutors.TrackedExecutor> executors, long start, Duration interval) {
		this.executors = executors;
		this.start = start;
		this.intervalNanos = interval.toNanos();
		this.nextLine = start + this.intervalNanos;
	}

	void started(String deadlines) {
		if (!this.executors.isEmpty() && logger.isInfoEnabled()) {
			logger.info("Draining " + this.executors.size() + " executor(s), intake closed: " + deadlines);
		}
	}

	/**
	 * Wait until the tracker is idle or the deadline passes, logging progress meanwhile.
	 * @param tracker the tracker
	 * @param deadline the deadline, in {@link System#nanoTime()} terms
	 * @return {@code true} if no task is pending
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitIdle(TaskTracker tracker, long deadline) throws InterruptedException {
		while (true) {
			long until = Math.min(deadline, this.nextLine);
			if (tracker.awaitIdle(until)) {
				return true;
			}
			if (until == deadline) {
				return false;
			}
			this.nextLine += this.intervalNanos;
			if (tracker.getPending() > 0 && logger.isInfoEnabled()) {
				logger.info("Draining for " + Duration.ofNanos(System.nanoTime() - this.start).toMillis() + " ms: "
						+ pending());
			}
		}
	}

	void ended() {
		if (!this.executors.isEmpty() && logger.isInfoEnabled()) {
			logger.info("Drained " + this.executors.size() + " executor(s) in "
					+ Duration.ofNanos(System.nanoTime() - this.start).toMillis() + " ms");
		}
	}

	String pending() {
		return this.executors.stream()
			.map((executor) -> "'" + executor.name() + "' " + executor.tracker().getPending() + " pending")
			.collect(Collectors.joining(", "));
	}

}
