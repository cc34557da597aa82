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
package io.github.quietshutdown.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.util.ClassUtils;

import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.TaskOutcome;

/**
 * The one-line summary of a shutdown as a list of named fields, from which both its text
 * ({@code Shutdown complete: duration=1830ms suppressed=12 ...}) and its key-value pairs
 * are made. Through SLF4J 2, the pairs reach structured log output (Spring Boot's
 * {@code ecs}, {@code logstash} and {@code gelf} formats on Logback, and on Log4j2 through
 * the thread context) as fields named {@value #KEY_PREFIX}{@code <name>}; plain text output
 * shows the text alone.
 *
 * @author Quiet Shutdown authors
 */
public final class SummaryLine {

	/**
	 * Prefix of the keys of the key-value pairs.
	 */
	public static final String KEY_PREFIX = "quietshutdown.";

	private static final String MESSAGE_PREFIX = "Shutdown complete: ";

	private static final boolean SLF4J_FLUENT = ClassUtils.isPresent("org.slf4j.spi.LoggingEventBuilder",
			SummaryLine.class.getClassLoader());

	private static final int TOP = 5;

	private final List<Field> fields = new ArrayList<>();

	/**
	 * Return the summary of a report:
	 * {@code duration=<ms>ms suppressed=<n> accepted=<n> completed=<n> failed=<n> abandoned=<n> rejected=<n>
	 * [running=<n>] top=<exception>:<n>,...}: the books balance when accepted = completed +
	 * failed + abandoned + running; then {@code slowest=<phase>:<seconds>s} when the report
	 * has a timeline.
	 * @param report the report
	 * @return the summary line
	 */
	public static SummaryLine of(ShutdownReport report) {
		String top = report.suppressed()
			.byException()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map((entry) -> entry.getKey() + ":" + entry.getValue())
			.collect(Collectors.joining(","));
		ShutdownReport.Tasks tasks = report.tasks();
		SummaryLine line = new SummaryLine().addMillis("duration", report.durationMs())
			.add("suppressed", report.suppressed().total())
			.add("accepted", tasks.accepted());
		for (TaskOutcome outcome : TaskOutcome.values()) {
			line.add(outcome.tagValue(), tasks.get(outcome));
		}
		if (tasks.running() > 0) {
			line.add("running", tasks.running());
		}
		line.add("top", top.isEmpty() ? "none" : top);
		if (report.timeline() != null) {
			ShutdownTimeline.Phase slowest = report.timeline().slowest();
			line.add("slowest", (slowest != null)
					? slowest.name() + ":" + String.format(Locale.ROOT, "%.1fs", slowest.durationMs() / 1000.0) : "none");
		}
		return line;
	}

	/**
	 * Add a field shown as {@code name=value}, with the key {@value #KEY_PREFIX}{@code name}.
	 * @param name the name
	 * @param value the value: a number, or text without spaces
	 * @return this line
	 */
	public SummaryLine add(String name, Object value) {
		this.fields.add(new Field(name, KEY_PREFIX + name, value, String.valueOf(value)));
		return this;
	}

	/**
	 * Add a duration in milliseconds, shown as {@code name=<n>ms}, with the key
	 * {@value #KEY_PREFIX}{@code nameMs}.
	 * @param name the name
	 * @param millis the duration in milliseconds
	 * @return this line
	 */
	public SummaryLine addMillis(String name, long millis) {
		this.fields.add(new Field(name, KEY_PREFIX + name + "Ms", millis, millis + "ms"));
		return this;
	}

	/**
	 * Return the fields, in order.
	 * @return the fields
	 */
	public List<Field> getFields() {
		return List.copyOf(this.fields);
	}

	/**
	 * Log the line at INFO, with its fields as key-value pairs where SLF4J 2 is the route to
	 * the logging system.
	 * @param loggerName the name of the logger
	 */
	public void log(String loggerName) {
		if (SLF4J_FLUENT && Slf4j.log(loggerName, this)) {
			return;
		}
		Log logger = LogFactory.getLog(loggerName);
		if (logger.isInfoEnabled()) {
			logger.info(toString());
		}
	}

	/**
	 * Return the text of the line.
	 * @return the text
	 */
	@Override
	public String toString() {
		return this.fields.stream()
			.map((field) -> field.name() + "=" + field.text())
			.collect(Collectors.joining(" ", MESSAGE_PREFIX, ""));
	}

	/**
	 * One field of the summary line.
	 *
	 * @param name the name in the text
	 * @param key the key of the key-value pair
	 * @param value the value of the key-value pair
	 * @param text the value as the text shows it
	 */
	public record Field(String name, String key, Object value, String text) {

	}

	// Apart, so that SLF4J is loaded only where it is present.
	private static final class Slf4j {

		static boolean log(String loggerName, SummaryLine line) {
			if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
				return false;
			}
			Logger logger = LoggerFactory.getLogger(loggerName);
			if (logger.isInfoEnabled()) {
				LoggingEventBuilder event = logger.atInfo();
				for (Field field : line.fields) {
					event = event.addKeyValue(field.key(), field.value());
				}
				event.log(line.toString());
			}
			return true;
		}

	}

}
