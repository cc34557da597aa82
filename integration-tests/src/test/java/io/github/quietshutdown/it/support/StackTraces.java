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
package io.github.quietshutdown.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stack traces in captured output, whether printed by a logger (message line, then the
 * exception) or by a thread's default uncaught exception handler ("Exception in thread").
 * A trace is the line before its first frame plus its frames, causes and suppressed
 * exceptions. A <em>symptom trace</em> is any trace that is not one of the
 * {@link ControlErrors}: the applications in these tests have no other error, so whatever
 * else shows a stack trace is shutdown noise.
 */
public final class StackTraces {

	private static final Pattern LOG_WARNING = Pattern
		.compile("^\\S+ +(WARN|ERROR) \\d+ --- ");

	private StackTraces() {
	}

	/**
	 * Return the stack traces in the output.
	 * @param output the output
	 * @return each trace as text
	 */
	public static List<String> in(String output) {
		String[] lines = output.split("\\R");
		List<String> traces = new ArrayList<>();
		int i = 0;
		while (i < lines.length) {
			if (isTraceLine(lines[i]) && lines[i].trim().startsWith("at ") && i > 0) {
				StringBuilder trace = new StringBuilder();
				int above = i - 2;
				while (above >= 0 && lines[above].isBlank()) {
					above--;
				}
				if (above >= 0 && !isTraceLine(lines[above])) {
					// The log line (time, level, thread, logger, message) above a logged
					// exception; Spring Boot's console pattern leaves a blank line between.
					trace.append(lines[above]).append('\n');
				}
				trace.append(lines[i - 1]).append('\n');
				while (i < lines.length && isTraceLine(lines[i])) {
					trace.append(lines[i]).append('\n');
					i++;
				}
				traces.add(trace.toString());
			}
			else {
				i++;
			}
		}
		return traces;
	}

	/**
	 * Return the stack traces that are not control errors, each shortened to its exception
	 * lines (the header and the lines of its causes).
	 * @param output the output
	 * @return the symptom traces
	 */
	public static List<String> symptoms(String output) {
		return in(output).stream().filter((trace) -> !trace.contains("control-")).map(StackTraces::headlines).toList();
	}

	/**
	 * Return whether the output holds a stack trace of the exception with this message.
	 * @param output the output
	 * @param message the exception message
	 * @return whether it does
	 */
	public static boolean hasTraceOf(String output, String message) {
		String header = IllegalStateException.class.getName() + ": " + message;
		return in(output).stream().anyMatch((trace) -> trace.contains(header));
	}

	/**
	 * Return the WARN and ERROR log lines that carry no exception, other than the starter's
	 * own reports (logger {@code io.github.quietshutdown}, abbreviated {@code i.g.q}).
	 * @param output the output
	 * @return the lines
	 */
	public static List<String> warningsWithoutException(String output) {
		String[] lines = output.split("\\R");
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			if (LOG_WARNING.matcher(lines[i]).find() && !lines[i].contains(" i.g.q")
					&& !lines[i].contains(" io.github.quietshutdown") && !exceptionFollows(lines, i)) {
				warnings.add(lines[i]);
			}
		}
		return warnings;
	}

	private static boolean exceptionFollows(String[] lines, int logLine) {
		int next = logLine + 1;
		while (next < lines.length && lines[next].isBlank()) {
			next++;
		}
		return next + 1 < lines.length && isTraceLine(lines[next + 1]);
	}

	private static boolean isTraceLine(String line) {
		String trimmed = line.stripLeading();
		return (line.startsWith("\t") || line.startsWith("    ")) && (trimmed.startsWith("at ")
				|| trimmed.startsWith("... ") || trimmed.startsWith("Suppressed: ") || trimmed.startsWith("Caused by: "))
				|| line.startsWith("Caused by: ");
	}

	private static String headlines(String trace) {
		StringBuilder result = new StringBuilder();
		for (String line : trace.split("\n")) {
			if (!line.stripLeading().startsWith("at ") && !line.stripLeading().startsWith("... ")) {
				result.append(line).append('\n');
			}
		}
		return result.toString();
	}

}
