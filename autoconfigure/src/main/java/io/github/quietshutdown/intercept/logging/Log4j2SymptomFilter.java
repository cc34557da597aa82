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

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

import io.github.quietshutdown.intercept.SymptomSuppressor;

/**
 * Log4j2 filter, installed on the configuration as a whole, that denies WARN, ERROR and
 * FATAL records whose throwable is a shutdown symptom while the application shuts down,
 * counting each with source {@code log}. Every other record, and every record before
 * shutdown, is left to the rest of the configuration ({@link Result#NEUTRAL}).
 * <p>
 * A configuration-wide filter sees every logging call, enabled or not; before shutdown the
 * filter costs a level comparison and a volatile read.
 *
 * @author Quiet Shutdown authors
 */
public final class Log4j2SymptomFilter extends AbstractFilter {

	private final LogRecordJudge judge;

	/**
	 * Create a new filter.
	 * @param suppressor the suppressor of the context
	 */
	public Log4j2SymptomFilter(SymptomSuppressor suppressor) {
		super(Result.DENY, Result.NEUTRAL);
		this.judge = new LogRecordJudge(suppressor);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
		return (isCandidate(level)) ? decide(logger, level, LogRecordJudge.throwableOf(null, params)) : Result.NEUTRAL;
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
		return (isCandidate(level)) ? decide(logger, level, t) : Result.NEUTRAL;
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
		if (!isCandidate(level)) {
			return Result.NEUTRAL;
		}
		return decide(logger, level, (t != null || msg == null) ? t : msg.getThrowable());
	}

	@Override
	public Result filter(LogEvent event) {
		if (!isCandidate(event.getLevel()) || event.getThrown() == null) {
			return Result.NEUTRAL;
		}
		return this.judge.suppress(event.getLoggerName(), event.getThrown()) ? Result.DENY : Result.NEUTRAL;
	}

	private boolean isCandidate(Level level) {
		return level != null && level.isMoreSpecificThan(Level.WARN) && this.judge.isShuttingDown();
	}

	private Result decide(Logger logger, Level level, Throwable throwable) {
		// A record the logger would not write anyway is not a suppression.
		if (throwable == null || !level.isMoreSpecificThan(logger.getLevel())) {
			return Result.NEUTRAL;
		}
		return this.judge.suppress(logger.getName(), throwable) ? Result.DENY : Result.NEUTRAL;
	}

}
