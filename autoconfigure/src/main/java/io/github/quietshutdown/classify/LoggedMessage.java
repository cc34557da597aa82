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
package io.github.quietshutdown.classify;

import java.io.Serial;

/**
 * Stands for a log record without a throwable that matched a
 * {@linkplain SymptomSignature#ofLogRecord log-record signature}, so that it is counted and
 * sampled like a suppressed exception: its simple class name, {@code LoggedMessage}, is the
 * {@code exception} tag of such suppressions. Never thrown; it has no stack trace.
 *
 * @author Quiet Shutdown authors
 */
final class LoggedMessage extends Exception {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String loggerName;

	/**
	 * Create a new instance.
	 * @param loggerName the name of the record's logger
	 * @param message the record's formatted message
	 */
	public LoggedMessage(String loggerName, String message) {
		super(message, null, false, false);
		this.loggerName = loggerName;
	}

	/**
	 * Return the name of the logger that logged the record.
	 * @return the logger name
	 */
	public String getLoggerName() {
		return this.loggerName;
	}

}
