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

import java.util.Locale;

/**
 * Where a shutdown symptom was caught: the value of the {@code source} tag.
 *
 * @author Quiet Shutdown authors
 */
public enum SymptomSource {

	/**
	 * A task run by {@code execute()} on a Spring-managed executor or scheduler.
	 */
	EXECUTOR,

	/**
	 * A {@code @Scheduled} method.
	 */
	SCHEDULED,

	/**
	 * A {@code void} {@code @Async} method.
	 */
	ASYNC,

	/**
	 * A thread that died through its uncaught-exception handler.
	 */
	THREAD,

	/**
	 * A log record carrying the symptom, logged by a thread the starter does not own.
	 */
	LOG;

	/**
	 * Return the tag value: the lower-case name.
	 * @return the tag value
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
