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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import io.github.quietshutdown.intercept.SymptomSuppressor;

/**
 * Logback {@link TurboFilter} that denies WARN and ERROR records whose throwable is a
 * shutdown symptom while the application shuts down, counting each with source
 * {@code log}. Every other record, and every record before shutdown, is left to the rest of
 * the configuration ({@link FilterReply#NEUTRAL}).
 * <p>
 * Turbo filters see every logging call, enabled or not; before shutdown the filter costs an
 * integer comparison and a volatile read.
 *
 * @author Quiet Shutdown authors
 */
public final class LogbackSymptomFilter extends TurboFilter {

	private final LogRecordJudge judge;

	/**
	 * Create a new filter.
	 * @param suppressor the suppressor of the context
	 */
	public LogbackSymptomFilter(SymptomSuppressor suppressor) {
		this.judge = new LogRecordJudge(suppressor);
		setName("quiet-shutdown");
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (level == null || level.levelInt < Level.WARN_INT || !this.judge.isShuttingDown()) {
			return FilterReply.NEUTRAL;
		}
		Throwable throwable = LogRecordJudge.throwableOf(t, params);
		// A record the logger would not write anyway is not a suppression.
		if (throwable == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL;
		}
		return this.judge.suppress(logger.getName(), throwable) ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
