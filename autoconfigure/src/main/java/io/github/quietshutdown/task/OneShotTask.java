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

/**
 * A task scheduled to run once, later.
 *
 * @author Quiet Shutdown authors
 */
interface OneShotTask extends TrackedTask {

	/**
	 * Return the time until the task is due.
	 * @return the remaining delay in nanoseconds, zero or less if due
	 */
	long remainingDelayNanos();

	/**
	 * Whether the executor has cancelled the task without running it.
	 * @return {@code true} if it will never run
	 */
	boolean isDroppedByExecutor();

	/**
	 * Whether the task has neither started nor been cancelled: it is queued, or on its
	 * way into the executor's queue.
	 * @return {@code true} if it may still run
	 */
	boolean isWaiting();

	/**
	 * Remember what the task is, while its future still says so: once cancelled, a
	 * future no longer describes its task.
	 */
	void rememberDescription();

}
