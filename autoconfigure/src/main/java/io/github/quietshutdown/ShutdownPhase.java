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

package io.github.quietshutdown;

/**
 * Phases of an application's life as seen by Quiet Shutdown. Phases only move forward.
 *
 * @author Quiet Shutdown authors
 */
public enum ShutdownPhase {

	/**
	 * The application context is running; no shutdown has been requested.
	 */
	RUNNING,

	/**
	 * The context is closing: its {@code ContextClosedEvent} has been published and
	 * resources are about to be released.
	 */
	CLOSING,

	/**
	 * Executors have been drained: accepted work has finished or has been reported as
	 * abandoned. Resources such as the {@code DataSource} are being destroyed.
	 */
	DRAINED,

	/**
	 * The context has closed completely.
	 */
	CLOSED;

	/**
	 * Whether this phase belongs to shutdown, that is any phase after {@link #RUNNING}.
	 * @return {@code true} once shutdown has begun
	 */
	public boolean isShuttingDown() {
		return this != RUNNING;
	}

}
