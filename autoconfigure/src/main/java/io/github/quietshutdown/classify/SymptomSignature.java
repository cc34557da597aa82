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

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known shutdown symptom: an exception class, named so that the library that throws it
 * need not be on the classpath, and an optional message pattern; or, for a log record that
 * carries no exception, a logger name and a message pattern.
 * <p>
 * A throwable matches when its class or one of its superclasses has the given name (its
 * class only, for a type written {@code =name}) and, if a pattern is set, the pattern is
 * found in its message. A log record without a throwable matches a
 * {@linkplain #ofLogRecord log-record signature} when its logger is the given logger or one
 * of its children and the pattern is found in its formatted message.
 *
 * @author Quiet Shutdown authors
 */
public final class SymptomSignature {

	private final String id;

	private final String type;

	private final Pattern message;

	private final boolean exact;

	private final String logger;

	/**
	 * Create a new signature.
	 * @param id unique id of the signature, such as {@code hikari.pool-closed}
	 * @param type fully qualified name of the exception class; prefixed with {@code =}, the
	 * class only, not its subclasses
	 * @param message pattern that must be found in the exception message, or {@code null} to
	 * match any message
	 */
	public SymptomSignature(String id, String type, Pattern message) {
		this.id = Objects.requireNonNull(id, "'id' must not be null");
		Objects.requireNonNull(type, "'type' must not be null");
		this.exact = type.startsWith("=");
		this.type = this.exact ? type.substring(1).strip() : type;
		this.message = message;
		this.logger = null;
	}

	private SymptomSignature(String id, String logger, Pattern message, Void logRecord) {
		this.id = Objects.requireNonNull(id, "'id' must not be null");
		this.logger = Objects.requireNonNull(logger, "'logger' must not be null");
		this.message = Objects.requireNonNull(message, "'message' must not be null");
		this.type = null;
		this.exact = false;
	}

	/**
	 * Create a signature for log records that carry no throwable.
	 * @param id unique id of the signature, such as {@code spring-amqp.listener-stopped}
	 * @param logger name of the logger; its children match too
	 * @param message pattern that must be found in the formatted message
	 * @return the signature
	 */
	public static SymptomSignature ofLogRecord(String id, String logger, Pattern message) {
		return new SymptomSignature(id, logger, message, null);
	}

	/**
	 * Return the unique id of this signature.
	 * @return the id
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Return the fully qualified name of the exception class.
	 * @return the class name, or {@code null} for a log-record signature
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Whether only the class itself matches, not its subclasses.
	 * @return {@code true} for an exact class match
	 */
	public boolean isExact() {
		return this.exact;
	}

	/**
	 * Return the pattern that must be found in the message, if any.
	 * @return the pattern or {@code null}
	 */
	public Pattern getMessage() {
		return this.message;
	}

	/**
	 * Return the logger whose records, and whose children's, this signature matches.
	 * @return the logger name, or {@code null} for an exception signature
	 */
	public String getLogger() {
		return this.logger;
	}

	/**
	 * Whether this signature matches log records without a throwable rather than
	 * throwables.
	 * @return {@code true} for a log-record signature
	 */
	public boolean isLogRecord() {
		return this.logger != null;
	}

	/**
	 * Whether a record of the given logger could match: the logger itself or one of its
	 * children.
	 * @param loggerName the name of the record's logger
	 * @return {@code true} if the logger matches
	 */
	boolean matchesLogger(String loggerName) {
		return loggerName != null && loggerName.startsWith(this.logger)
				&& (loggerName.length() == this.logger.length() || loggerName.charAt(this.logger.length()) == '.');
	}

	/**
	 * Whether the message of a throwable whose class matched {@link #getType()} matches too.
	 * @param throwable the throwable
	 * @return {@code true} if this signature has no pattern or the pattern is found in the
	 * message
	 */
	boolean matchesMessage(Throwable throwable) {
		if (this.message == null) {
			return true;
		}
		String text = throwable.getMessage();
		return text != null && this.message.matcher(text).find();
	}

	@Override
	public String toString() {
		String what = (this.logger != null) ? "logger:" + this.logger : (this.exact ? "=" : "") + this.type;
		return this.id + " (" + what + ((this.message != null) ? " ~ /" + this.message + "/" : "") + ")";
	}

}
