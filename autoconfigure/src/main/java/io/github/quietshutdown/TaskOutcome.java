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

import java.util.Locale;

/**
 * What became of a task accepted by an executor during shutdown.
 */
public enum TaskOutcome {

	/**
	 * The task ran to its end without an exception.
	 */
	COMPLETED,

	/**
	 * The task ran but ended with an exception, or with a failure suppressed on its
	 * thread: it did not do its work.
	 */
	FAILED,

	/**
	 * The task was accepted but will never run: still queued at the drain deadline, or
	 * dropped when the executor was shut down.
	 */
	ABANDONED,

	/**
	 * The executor refused the task after shutdown had begun and its caller got the
	 * refusal: it was never accepted.
	 */
	REJECTED;

	/**
	 * Return the tag value: the lower-case name.
	 * @return the tag value
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
