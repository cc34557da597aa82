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
 * need not be on the classpath, and an optional message pattern.
 * <p>
 * A throwable matches when its class or one of its superclasses has the given name (its
 * class only, for a type written {@code =name}) and, if a pattern is set, the pattern is
 * found in its message.
 *
 * @author Quiet Shutdown authors
 */
public final class SymptomSignature {

	private final String id;

	private final String type;

	private final Pattern message;

	private final boolean exact;

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
	 * @return the class name
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
		return this.id + " (" + (this.exact ? "=" : "") + this.type + ((this.message != null) ? " ~ /" + this.message + "/" : "") + ")";
	}

}
