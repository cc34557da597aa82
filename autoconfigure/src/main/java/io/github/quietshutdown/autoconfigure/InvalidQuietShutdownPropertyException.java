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
package io.github.quietshutdown.autoconfigure;

/**
 * A Quiet Shutdown property whose value can only be found invalid once the context is
 * being refreshed, reported by {@link InvalidQuietShutdownPropertyFailureAnalyzer}.
 *
 * @author Quiet Shutdown authors
 */
final class InvalidQuietShutdownPropertyException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String reason;

	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property, such as {@code quiet-shutdown.executors.exclude}
	 * @param value its value
	 * @param reason why the value is invalid
	 * @param action how to fix it
	 * @param cause the cause, or {@code null}
	 */
	InvalidQuietShutdownPropertyException(String property, Object value, String reason, String action,
			Throwable cause) {
		super("Invalid value '" + value + "' of property '" + property + "': " + reason, cause);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	Object getValue() {
		return this.value;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
