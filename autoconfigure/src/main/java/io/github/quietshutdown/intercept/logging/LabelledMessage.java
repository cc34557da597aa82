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
package io.github.quietshutdown.intercept.logging;

import java.io.Serial;

import org.apache.logging.log4j.message.Message;

/**
 * A Log4j2 {@link Message} whose formatted text is another message's followed by
 * {@value LogRecordJudge#LABEL}. Formatted at once, so that a reusable message that its
 * logger recycles after the call, or an asynchronous logger, sees the text of the call.
 *
 * @author Quiet Shutdown authors
 */
final class LabelledMessage implements Message {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String formatted;

	private final transient Object[] parameters;

	private final transient Throwable throwable;

	LabelledMessage(Message message) {
		this.formatted = ((message != null) ? message.getFormattedMessage() : "null") + LogRecordJudge.LABEL;
		Object[] parameters = (message != null) ? message.getParameters() : null;
		this.parameters = (parameters != null) ? parameters.clone() : null;
		this.throwable = (message != null) ? message.getThrowable() : null;
	}

	@Override
	public String getFormattedMessage() {
		return this.formatted;
	}

	// The formatted text: a pattern with the label appended could be formatted again.
	@Override
	@Deprecated
	public String getFormat() {
		return this.formatted;
	}

	@Override
	public Object[] getParameters() {
		return this.parameters;
	}

	@Override
	public Throwable getThrowable() {
		return this.throwable;
	}

}
