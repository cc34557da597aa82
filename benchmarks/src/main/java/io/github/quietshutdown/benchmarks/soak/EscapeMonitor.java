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
package io.github.quietshutdown.benchmarks.soak;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Catches whatever reaches a person during the soak: throwables that reach the default
 * uncaught-exception handler, log events at ERROR, log events at WARN that carry a
 * throwable, and lines of standard error that look like an exception. The soak's work has
 * no real faults, so each of them is a shutdown symptom that escaped.
 *
 * @author Quiet Shutdown authors
 */
final class EscapeMonitor implements AutoCloseable {

	private final List<String> escapes = new CopyOnWriteArrayList<>();

	private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();

	private final PrintStream previousErr = System.err;

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Appender appender = new Appender();

	EscapeMonitor() {
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> record("uncaught in '" + thread.getName() + "': " + ex));
		this.appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.appender.setName("soak-escapes");
		this.appender.start();
		this.root.addAppender(this.appender);
		System.setErr(new PrintStream(new StandardErrorLines(this.previousErr), true, StandardCharsets.UTF_8));
	}

	int count() {
		return this.escapes.size();
	}

	List<String> since(int index) {
		return List.copyOf(this.escapes.subList(index, this.escapes.size()));
	}

	private void record(String escape) {
		this.escapes.add(escape);
	}

	@Override
	public void close() {
		System.setErr(this.previousErr);
		this.root.detachAppender(this.appender);
		this.appender.stop();
		Thread.setDefaultUncaughtExceptionHandler(this.previousHandler);
	}

	private final class Appender extends AppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent event) {
			IThrowableProxy thrown = event.getThrowableProxy();
			if (event.getLevel().isGreaterOrEqual(Level.ERROR)
					|| (event.getLevel().isGreaterOrEqual(Level.WARN) && thrown != null)) {
				record(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
						+ ((thrown != null) ? " [" + thrown.getClassName() + ": " + thrown.getMessage() + "]" : ""));
			}
		}

	}

	// Forwards everything; records the lines that look like an exception.
	private final class StandardErrorLines extends OutputStream {

		private final PrintStream target;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		StandardErrorLines(PrintStream target) {
			this.target = target;
		}

		@Override
		public synchronized void write(int b) {
			this.target.write(b);
			if (b == '\n') {
				String text = this.line.toString(StandardCharsets.UTF_8);
				this.line.reset();
				if (text.contains("Exception") || text.contains("Error") || text.startsWith("\tat ")) {
					record("stderr: " + text);
				}
			}
			else {
				this.line.write(b);
			}
		}

		@Override
		public void flush() {
			this.target.flush();
		}

	}

}
