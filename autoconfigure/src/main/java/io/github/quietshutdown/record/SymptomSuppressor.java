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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.core.log.LogMessage;

import io.github.quietshutdown.classify.Symptom;
import io.github.quietshutdown.classify.SymptomClassifier;

/**
 * The one decision point of every interception road: classifies a throwable and, if it is
 * a shutdown symptom, counts it and logs one line at the configured level instead of the
 * stack trace.
 * <p>
 * A throwable reaching several roads (a library that logs and rethrows) is counted once.
 *
 * @author Quiet Shutdown authors
 */
public final class SymptomSuppressor {

	private static final Log logger = LogFactory.getLog(SymptomSuppressor.class);

	private final SymptomClassifier classifier;

	private final ShutdownStatistics statistics;

	private final LogLevel level;

	/**
	 * Create a new suppressor.
	 * @param classifier the classifier
	 * @param statistics where suppressions are counted
	 * @param level level of the one line logged for each suppressed symptom
	 */
	public SymptomSuppressor(SymptomClassifier classifier, ShutdownStatistics statistics, LogLevel level) {
		this.classifier = classifier;
		this.statistics = statistics;
		this.level = level;
	}

	/**
	 * Suppress the throwable if it is a shutdown symptom.
	 * @param source where the throwable was caught
	 * @param origin what raised it, such as the executor bean name or the method
	 * @param throwable the throwable
	 * @return {@code true} if the throwable is a symptom and the caller must drop it,
	 * {@code false} if it must go on exactly as without the starter
	 */
	public boolean suppress(SymptomSource source, String origin, Throwable throwable) {
		Symptom symptom = this.classifier.classify(throwable);
		if (symptom == null) {
			return false;
		}
		if (this.statistics.recordSuppressed(source, origin, symptom, throwable)) {
			log(source, origin, symptom, throwable);
		}
		// Whatever task runs on this thread did not do its work: quiet, never silent.
		TaskFailures.mark(throwable, source.tagValue() + " '" + origin + "'");
		return true;
	}

	/**
	 * Note that the task running on the current thread failed, if shutdown is under way:
	 * for failures that its own code catches and hands on (an {@code @Async} method's
	 * exception goes to the {@code AsyncUncaughtExceptionHandler}).
	 * @param throwable what the task threw
	 * @param origin where, such as the method
	 */
	public void noteFailure(Throwable throwable, String origin) {
		if (this.classifier.getState().isShuttingDown()) {
			TaskFailures.mark(throwable, origin);
		}
	}

	/**
	 * Suppress a log record without a throwable if a log-record signature matches it.
	 * @param loggerName the name of the record's logger
	 * @param formattedMessage the record's message, its parameters substituted
	 * @return {@code true} if the record is a symptom and must be dropped
	 */
	public boolean suppressLogRecord(String loggerName, String formattedMessage) {
		Symptom symptom = this.classifier.classifyLogRecord(loggerName, formattedMessage);
		if (symptom == null) {
			return false;
		}
		if (this.statistics.recordSuppressed(SymptomSource.LOG, loggerName, symptom, symptom.cause())) {
			log(SymptomSource.LOG, loggerName, symptom, symptom.cause());
		}
		return true;
	}

	/**
	 * Whether a throwable would be suppressed now, without counting or logging it.
	 * @param throwable the throwable
	 * @return {@code true} if it is a shutdown symptom now
	 */
	public boolean isSymptom(Throwable throwable) {
		return this.classifier.classify(throwable) != null;
	}

	/**
	 * Return the classifier.
	 * @return the classifier
	 */
	public SymptomClassifier getClassifier() {
		return this.classifier;
	}

	private void log(SymptomSource source, String origin, Symptom symptom, Throwable throwable) {
		// The commons-logging bridge builds a LogMessage only if the level is enabled.
		this.level.log(logger, LogMessage.of(() -> "Suppressed shutdown symptom [" + symptom.signature().getId()
				+ "] from " + source.tagValue() + " '" + origin + "': " + throwable));
	}

}
