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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.JvmExit;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.record.ShutdownStatistics;

/**
 * At the very end of shutdown, once every bean has been destroyed, logs the one-line
 * summary at INFO (logger {@code io.github.quietshutdown}, its counts also as key-value
 * pairs: see {@link SummaryLine}) and writes the report file. At
 * start, reads the report the previous run left.
 * <p>
 * With a timeline, the file is also written as shutdown begins, as each phase begins and
 * ends and, while the JVM exits, every {@value #HEARTBEAT_MILLIS} ms, with
 * {@code completed=false}: a report that was never completed means the previous process
 * was killed during shutdown, which the next start logs as a WARN.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownReporter {

	/**
	 * Name of the logger of the summary line.
	 */
	public static final String LOGGER_NAME = "io.github.quietshutdown";

	/**
	 * Interval at which the report file is rewritten while the JVM exits.
	 */
	public static final long HEARTBEAT_MILLIS = 500;

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final ShutdownReportFile file;

	private final boolean showMessages;

	private final Map<String, Object> previous;

	private final ShutdownTimeline timeline;

	private final CountDownLatch completed = new CountDownLatch(1);

	private volatile Consumer<Runnable> summaryScheduler = Runnable::run;

	private volatile boolean heartbeat;

	private boolean writeFailed;

	/**
	 * Create a new reporter and read the previous run's report.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param file the report file, or {@code null} to write none
	 * @param showMessages whether the file shows exception messages
	 */
	public ShutdownReporter(ShutdownState state, ShutdownStatistics statistics, ShutdownReportFile file,
			boolean showMessages) {
		this(state, statistics, file, showMessages, null);
	}

	/**
	 * Create a new reporter that also writes the report as shutdown goes, and read the
	 * previous run's report.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param file the report file, or {@code null} to write none
	 * @param showMessages whether the file shows exception messages
	 * @param timeline the timeline of shutdown, or {@code null} to write the report only at
	 * the end
	 */
	public ShutdownReporter(ShutdownState state, ShutdownStatistics statistics, ShutdownReportFile file,
			boolean showMessages, ShutdownTimeline timeline) {
		this.state = state;
		this.statistics = statistics;
		this.file = file;
		this.showMessages = showMessages;
		this.timeline = timeline;
		this.previous = (file != null) ? file.read() : null;
		if (isPreviousIncomplete()) {
			logger.warn("Previous shutdown did not complete: killed " + this.previous.get("elapsedMs")
					+ " ms after SIGTERM, in phase " + this.previous.get("currentPhase") + " (report: "
					+ file.getLocation() + ")");
		}
		if (timeline != null && file != null) {
			timeline.addListener(this::progress);
		}
		// Last of all: after the watchdog has named lingering threads.
		state.onPhase(ShutdownPhase.CLOSED, Integer.MAX_VALUE, this::report);
	}

	/**
	 * Whether the previous run began to shut down and never completed: it was killed.
	 * @return {@code true} if the previous report is incomplete
	 */
	public boolean isPreviousIncomplete() {
		return this.previous != null && Boolean.FALSE.equals(this.previous.get("completed"));
	}

	/**
	 * Return the report the previous run left, read at start.
	 * @return the previous report, or {@code null}
	 */
	public Map<String, Object> getPrevious() {
		return this.previous;
	}

	/**
	 * Return the timeline of shutdown.
	 * @return the timeline, or {@code null} if there is none
	 */
	public ShutdownTimeline getTimeline() {
		return this.timeline;
	}

	/**
	 * Return the report file.
	 * @return the file, or {@code null} if none is written
	 */
	public ShutdownReportFile getFile() {
		return this.file;
	}

	void report() {
		this.completed.countDown();
		ShutdownReport report = snapshot(true);
		write(report, true);
		SummaryLine summary = SummaryLine.of(report);
		this.summaryScheduler.accept(() -> summary.log(LOGGER_NAME));
	}

	/**
	 * Set what runs the logging of the summary line, so that it can come after the lines of
	 * the lingering-thread watchdog as the JVM exits. By default it is logged at once.
	 * @param summaryScheduler runs the given action, now or later
	 */
	public void setSummaryScheduler(Consumer<Runnable> summaryScheduler) {
		this.summaryScheduler = summaryScheduler;
	}

	private void progress() {
		if (this.completed.getCount() == 0) {
			return;
		}
		write(snapshot(false), false);
		if (!this.heartbeat && JvmExit.isExiting()) {
			this.heartbeat = true;
			Thread thread = new Thread(this::beat, "quiet-shutdown-report");
			thread.setDaemon(true);
			thread.start();
		}
	}

	// While the JVM exits, a kill can come at any time: keep the report's clock recent.
	private void beat() {
		try {
			while (!this.completed.await(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS)) {
				write(snapshot(false), false);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ShutdownReport snapshot(boolean complete) {
		ShutdownReport.Progress progress = (this.timeline != null)
				? new ShutdownReport.Progress(complete, String.valueOf(this.timeline.getOrigin()),
						this.timeline.elapsedMillis(), complete ? null : currentPhase())
				: null;
		return ShutdownReport.of(this.state, this.statistics, this.showMessages, this.timeline, progress);
	}

	private String currentPhase() {
		String current = this.timeline.getCurrentPhase();
		if (current != null) {
			return current;
		}
		ShutdownPhase phase = this.state.getPhase();
		return ((phase == ShutdownPhase.RUNNING) ? ShutdownPhase.CLOSING : phase).name().toLowerCase(Locale.ROOT);
	}

	private synchronized void write(ShutdownReport report, boolean complete) {
		if (this.file == null || (!complete && this.completed.getCount() == 0)) {
			return;
		}
		try {
			this.file.write(report);
		}
		catch (IOException | RuntimeException ex) {
			// Once: the file is rewritten many times during shutdown.
			if (!this.writeFailed) {
				this.writeFailed = true;
				logger.warn("Could not write the shutdown report to " + this.file.getLocation() + ": " + ex);
			}
		}
	}

}
