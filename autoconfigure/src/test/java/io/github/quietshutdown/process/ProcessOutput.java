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
package io.github.quietshutdown.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Collects the output of a child process and lets a test wait, event-driven and bounded,
 * for a line.
 */
public final class ProcessOutput {

	private final List<String> lines = new ArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private boolean ended;

	private ProcessOutput(InputStream in) {
		Thread reader = new Thread(() -> read(in), "process-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start collecting the merged output of a process started with
	 * {@code redirectErrorStream(true)}.
	 * @param process the process
	 * @return the output
	 */
	public static ProcessOutput of(Process process) {
		return new ProcessOutput(process.getInputStream());
	}

	private void read(InputStream in) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.lock.lock();
				try {
					this.lines.add(line);
					this.changed.signalAll();
				}
				finally {
					this.lock.unlock();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.lock.lock();
			try {
				this.ended = true;
				this.changed.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Wait for a line that matches.
	 * @param matcher the line to wait for
	 * @param timeout the maximum wait
	 * @return {@code true} if such a line was printed in time
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitLine(Predicate<String> matcher, Duration timeout) throws InterruptedException {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (this.lines.stream().noneMatch(matcher)) {
				if (this.ended || remaining <= 0) {
					return false;
				}
				remaining = this.changed.awaitNanos(remaining);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait until the process has closed its output, at most the given time.
	 * @param timeout the maximum wait
	 * @return {@code true} if the output ended
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitEnd(Duration timeout) throws InterruptedException {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (!this.ended && remaining > 0) {
				remaining = this.changed.awaitNanos(remaining);
			}
			return this.ended;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Return the output so far.
	 * @return the text
	 */
	public String text() {
		this.lock.lock();
		try {
			return String.join("\n", this.lines);
		}
		finally {
			this.lock.unlock();
		}
	}

	static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

}
