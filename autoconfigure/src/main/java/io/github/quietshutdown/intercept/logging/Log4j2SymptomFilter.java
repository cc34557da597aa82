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

import java.util.function.Supplier;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Log4j2 filter, installed on the configuration as a whole, that, while the application
 * shuts down, denies WARN, ERROR and FATAL records whose throwable is a shutdown symptom, and
 * records without a throwable that a log-record signature matches, counting each with source
 * {@code log}. A record whose throwable is not a symptom is written as it would be, its
 * message followed by {@value LogRecordJudge#LABEL} and its thread context holding
 * {@code quiet.shutdown=during}, unless labelling is off. Every other record, and every
 * record before shutdown, is left to the rest of the configuration ({@link Result#NEUTRAL}).
 * <p>
 * A configuration-wide filter sees every logging call, enabled or not; before shutdown the
 * filter costs a level comparison and a volatile read.
 *
 * @author Quiet Shutdown authors
 */
public final class Log4j2SymptomFilter extends AbstractFilter {

	private static final String FQCN = Log4j2SymptomFilter.class.getName();

	private final LogRecordJudge judge;

	/**
	 * Create a new filter.
	 * @param suppressor the suppressor of the context
	 * @param labelling whether to label records with unknown throwables during shutdown
	 */
	public Log4j2SymptomFilter(SymptomSuppressor suppressor, boolean labelling) {
		super(Result.DENY, Result.NEUTRAL);
		this.judge = new LogRecordJudge(suppressor, labelling);
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
		if (!isCandidate(logger, level)) {
			return Result.NEUTRAL;
		}
		return decide(logger, level, marker, LogRecordJudge.throwableOf(null, params),
				() -> logger.getMessageFactory().newMessage(msg, params));
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
		if (!isCandidate(logger, level)) {
			return Result.NEUTRAL;
		}
		return decide(logger, level, marker, t,
				() -> (msg instanceof Message message) ? message : logger.getMessageFactory().newMessage(msg));
	}

	@Override
	public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
		if (!isCandidate(logger, level)) {
			return Result.NEUTRAL;
		}
		return decide(logger, level, marker, (t != null || msg == null) ? t : msg.getThrowable(), () -> msg);
	}

	@Override
	public Result filter(LogEvent event) {
		Level level = event.getLevel();
		if (level == null || !level.isMoreSpecificThan(Level.WARN) || !this.judge.isShuttingDown()) {
			return Result.NEUTRAL;
		}
		if (event.getThrown() == null) {
			Message message = event.getMessage();
			return (message != null && this.judge.suppressLogRecord(event.getLoggerName(), message::getFormattedMessage))
					? Result.DENY : Result.NEUTRAL;
		}
		return this.judge.suppress(event.getLoggerName(), event.getThrown()) ? Result.DENY : Result.NEUTRAL;
	}

	// A record the logger would not write anyway is neither a suppression nor labelled.
	private boolean isCandidate(Logger logger, Level level) {
		return level != null && level.isMoreSpecificThan(Level.WARN) && this.judge.isShuttingDown()
				&& level.isMoreSpecificThan(logger.getLevel());
	}

	private Result decide(Logger logger, Level level, Marker marker, Throwable throwable, Supplier<Message> message) {
		return switch (this.judge.judge(logger.getName(), throwable, () -> formatted(message.get()))) {
			case PASS -> Result.NEUTRAL;
			case SUPPRESS -> Result.DENY;
			case LABEL -> relog(logger, level, marker, throwable, message.get());
		};
	}

	private Result relog(Logger logger, Level level, Marker marker, Throwable throwable, Message original) {
		StackTraceElement location = logger.get().isIncludeLocation() ? LogRecordJudge.callerFrames()[0] : null;
		// The context data is copied into the event as it is created, on this thread.
		String previous = ThreadContext.get(LogRecordJudge.LABEL_KEY);
		ThreadContext.put(LogRecordJudge.LABEL_KEY, LogRecordJudge.LABEL_VALUE);
		try {
			logger.logMessage(level, marker, FQCN, location, new LabelledMessage(original), throwable);
		}
		finally {
			if (previous != null) {
				ThreadContext.put(LogRecordJudge.LABEL_KEY, previous);
			}
			else {
				ThreadContext.remove(LogRecordJudge.LABEL_KEY);
			}
		}
		return Result.DENY;
	}

	private static String formatted(Message message) {
		return (message != null) ? message.getFormattedMessage() : null;
	}

}
