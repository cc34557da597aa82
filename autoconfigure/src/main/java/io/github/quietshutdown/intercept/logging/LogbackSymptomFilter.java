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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.MessageFormatter;

import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Logback {@link TurboFilter} that, while the application shuts down, denies WARN and ERROR
 * records whose throwable is a shutdown symptom, and records without a throwable that a
 * log-record signature matches, counting each with source {@code log}. A WARN or ERROR record
 * whose throwable is not a symptom is written as it would be, its message followed by
 * {@value LogRecordJudge#LABEL} and its MDC holding {@code quiet.shutdown=during}, unless
 * labelling is off. Every other record, and every record before shutdown, is left to the rest
 * of the configuration ({@link FilterReply#NEUTRAL}).
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
	 * @param labelling whether to label records with unknown throwables during shutdown
	 */
	public LogbackSymptomFilter(SymptomSuppressor suppressor, boolean labelling) {
		this.judge = new LogRecordJudge(suppressor, labelling);
		setName("quiet-shutdown");
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (!isCandidate(logger, level)) {
			return FilterReply.NEUTRAL;
		}
		return decide(logger, level, format, params, t, (marker != null) ? List.of(marker) : null, null);
	}

	// The fluent API brings its markers and key-value pairs, kept when labelling (Logback 1.5.34,
	// Spring Boot 3.5's, calls this; older versions call the method above).
	@Override
	public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent event) {
		Level level = Level.convertAnSLF4JLevel(event.getLevel());
		if (!isCandidate(logger, level)) {
			return FilterReply.NEUTRAL;
		}
		return decide(logger, level, event.getMessage(), event.getArgumentArray(), event.getThrowable(),
				event.getMarkers(), event.getKeyValuePairs());
	}

	// A record the logger would not write anyway is neither a suppression nor labelled.
	private boolean isCandidate(Logger logger, Level level) {
		return level != null && level.levelInt >= Level.WARN_INT && this.judge.isShuttingDown()
				&& level.isGreaterOrEqual(logger.getEffectiveLevel());
	}

	private FilterReply decide(Logger logger, Level level, String format, Object[] params, Throwable t,
			List<Marker> markers, List<KeyValuePair> keyValuePairs) {
		Throwable throwable = LogRecordJudge.throwableOf(t, params);
		return switch (this.judge.judge(logger.getName(), throwable,
				() -> MessageFormatter.basicArrayFormat(format, params))) {
			case PASS -> FilterReply.NEUTRAL;
			case SUPPRESS -> FilterReply.DENY;
			case LABEL -> {
				logger.callAppenders(labelled(logger, level, format, params, t, markers, keyValuePairs));
				yield FilterReply.DENY;
			}
		};
	}

	private LoggingEvent labelled(Logger logger, Level level, String format, Object[] params, Throwable t,
			List<Marker> markers, List<KeyValuePair> keyValuePairs) {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, format + LogRecordJudge.LABEL, t, params);
		if (markers != null) {
			markers.forEach(event::addMarker);
		}
		if (keyValuePairs != null) {
			event.setKeyValuePairs(keyValuePairs);
		}
		Map<String, String> mdc = logger.getLoggerContext().getMDCAdapter().getCopyOfContextMap();
		mdc = (mdc != null) ? new HashMap<>(mdc) : new HashMap<>();
		mdc.put(LogRecordJudge.LABEL_KEY, LogRecordJudge.LABEL_VALUE);
		event.setMDCPropertyMap(mdc);
		event.setCallerData(LogRecordJudge.callerFrames());
		return event;
	}

}
