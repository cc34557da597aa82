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

import io.github.quietshutdown.intercept.SymptomSource;
import io.github.quietshutdown.intercept.SymptomSuppressor;

/**
 * What the Logback and Log4j2 filters share: the cheap shutdown check that runs for every
 * record, finding a record's throwable, and the suppression itself.
 *
 * @author Quiet Shutdown authors
 */
final class LogRecordJudge {

	private final SymptomSuppressor suppressor;

	LogRecordJudge(SymptomSuppressor suppressor) {
		this.suppressor = suppressor;
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

	boolean suppress(String loggerName, Throwable throwable) {
		return this.suppressor.suppress(SymptomSource.LOG, loggerName, throwable);
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

}
