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

import java.util.Arrays;
import java.util.function.Supplier;

import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * What the Logback and Log4j2 filters share: the cheap shutdown check that runs for every
 * record, finding a record's throwable, the suppression itself, and what a record with an
 * unknown throwable logged during shutdown is labelled with.
 *
 * @author Quiet Shutdown authors
 */
final class LogRecordJudge {

	/**
	 * Appended to the message of a WARN or ERROR record whose throwable is not a symptom,
	 * logged while the application shuts down.
	 */
	static final String LABEL = " [during shutdown]";

	/**
	 * MDC (Logback) or thread context (Log4j2) key set, on the labelled record only, to
	 * {@value #LABEL_VALUE}.
	 */
	static final String LABEL_KEY = "quiet.shutdown";

	/**
	 * Value of {@value #LABEL_KEY} on a labelled record.
	 */
	static final String LABEL_VALUE = "during";

	// Frames of logging APIs, bridges and backends between the caller and the filter.
	private static final String[] LOGGING_PACKAGES = { "io.github.quietshutdown.intercept.logging.",
			"ch.qos.logback.", "org.slf4j.", "org.apache.logging.", "org.apache.commons.logging.",
			"org.jboss.logging.", "java.util.logging.", "java.lang.reflect.", "jdk.internal.reflect." };

	private final SymptomSuppressor suppressor;

	private final boolean labelling;

	LogRecordJudge(SymptomSuppressor suppressor, boolean labelling) {
		this.suppressor = suppressor;
		this.labelling = labelling;
	}

	/**
	 * Whether shutdown is under way for a record: the filter is JVM-wide and a record is
	 * not tied to one context, so its own context and every other live context that
	 * installed a filter must be shutting down.
	 * @return {@code true} if records may be judged as shutdown symptoms
	 */
	boolean isShuttingDown() {
		return this.suppressor.getClassifier().getState().isShuttingDown()
				&& LoggingFilterInstaller.contexts.isEveryContextShuttingDown();
	}

	/**
	 * Judge a WARN or ERROR record logged while the application shuts down.
	 * @param loggerName the name of the record's logger
	 * @param throwable the record's throwable, or {@code null}
	 * @param formattedMessage the record's formatted message, asked for only if a
	 * log-record signature names the logger of a record without a throwable
	 * @return what to do with the record
	 */
	Verdict judge(String loggerName, Throwable throwable, Supplier<String> formattedMessage) {
		if (throwable == null) {
			return suppressLogRecord(loggerName, formattedMessage) ? Verdict.SUPPRESS : Verdict.PASS;
		}
		if (suppress(loggerName, throwable)) {
			return Verdict.SUPPRESS;
		}
		return this.labelling ? Verdict.LABEL : Verdict.PASS;
	}

	boolean suppress(String loggerName, Throwable throwable) {
		return this.suppressor.suppress(SymptomSource.LOG, loggerName, throwable);
	}

	/**
	 * Suppress a record without a throwable if a log-record signature matches it, formatting
	 * its message only if a signature names its logger.
	 * @param loggerName the name of the record's logger
	 * @param formattedMessage the record's formatted message
	 * @return {@code true} if the record must be dropped
	 */
	boolean suppressLogRecord(String loggerName, Supplier<String> formattedMessage) {
		return this.suppressor.getClassifier().hasLogRecordSignature(loggerName)
				&& this.suppressor.suppressLogRecord(loggerName, formattedMessage.get());
	}

	/**
	 * Return the stack of the thread that logged, from the frame that called the logging
	 * API: the caller data of a labelled record, which is logged again from the filter.
	 * @return the caller's frames
	 */
	static StackTraceElement[] callerFrames() {
		StackTraceElement[] frames = new Throwable().getStackTrace();
		int first = 0;
		while (first < frames.length - 1 && isLogging(frames[first].getClassName())) {
			first++;
		}
		return Arrays.copyOfRange(frames, first, frames.length);
	}

	private static boolean isLogging(String className) {
		for (String prefix : LOGGING_PACKAGES) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the throwable of a record: the one given explicitly, else a throwable passed as
	 * the last parameter, which SLF4J and Log4j2 both treat as the record's throwable.
	 * @param thrown the explicit throwable, or {@code null}
	 * @param params the message parameters, or {@code null}
	 * @return the throwable, or {@code null} if the record has none
	 */
	static Throwable throwableOf(Throwable thrown, Object[] params) {
		if (thrown != null) {
			return thrown;
		}
		if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
			return last;
		}
		return null;
	}

	/**
	 * What a filter does with a record.
	 */
	enum Verdict {

		/**
		 * Left to the rest of the configuration.
		 */
		PASS,

		/**
		 * Dropped: a shutdown symptom, counted.
		 */
		SUPPRESS,

		/**
		 * Written again with the label, in place of the original.
		 */
		LABEL

	}

}
