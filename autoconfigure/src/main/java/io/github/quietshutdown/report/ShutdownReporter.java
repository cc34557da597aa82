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

import java.io.IOException;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;

/**
 * At the very end of shutdown, once every bean has been destroyed, logs the one-line
 * summary at INFO (logger {@code io.github.quietshutdown}, its counts also as key-value
 * pairs: see {@link SummaryLine}) and writes the report file. At
 * start, reads the report the previous run left.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownReporter {

	/**
	 * Name of the logger of the summary line.
	 */
	public static final String LOGGER_NAME = "io.github.quietshutdown";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final ShutdownReportFile file;

	private final boolean showMessages;

	private final Map<String, Object> previous;

	/**
	 * Create a new reporter and read the previous run's report.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param file the report file, or {@code null} to write none
	 * @param showMessages whether the file shows exception messages
	 */
	public ShutdownReporter(ShutdownState state, ShutdownStatistics statistics, ShutdownReportFile file,
			boolean showMessages) {
		this.state = state;
		this.statistics = statistics;
		this.file = file;
		this.showMessages = showMessages;
		this.previous = (file != null) ? file.read() : null;
		// Last of all: after the watchdog has named lingering threads.
		state.onPhase(ShutdownPhase.CLOSED, Integer.MAX_VALUE, this::report);
	}

	/**
	 * Return the report the previous run left, read at start.
	 * @return the previous report, or {@code null}
	 */
	public Map<String, Object> getPrevious() {
		return this.previous;
	}

	/**
	 * Return the report file.
	 * @return the file, or {@code null} if none is written
	 */
	public ShutdownReportFile getFile() {
		return this.file;
	}

	void report() {
		Map<String, Object> report = ShutdownReport.snapshot(this.state, this.statistics, this.showMessages);
		if (this.file != null) {
			try {
				this.file.write(report);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Could not write the shutdown report to " + this.file.getLocation() + ": " + ex);
			}
		}
		ShutdownReport.summaryLine(this.statistics, report).log(LOGGER_NAME);
	}

}
