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
package io.github.quietshutdown.drain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The inspection of the {@link LingeringThreadWatchdog}: which threads of the application
 * are still alive once the context has closed, how long they get to end, and the halt of
 * the JVM if they keep it alive past the opt-in period.
 *
 * @author Quiet Shutdown authors
 */
final class LingeringThreads {

	// The watchdog's lines, under the watchdog's name.
	private static final Log logger = LogFactory.getLog(LingeringThreadWatchdog.class);

	private final Set<Long> baseline;

	private final Duration delay;

	private final Duration haltAfter;

	// The thread that closed the context goes on with its own work.
	private volatile Thread closingThread;

	LingeringThreads(Set<Long> baseline, Duration delay, Duration haltAfter) {
		this.baseline = baseline;
		this.delay = delay;
		this.haltAfter = haltAfter;
	}

	void closedOn(Thread thread) {
		this.closingThread = thread;
	}

	/**
	 * Name the application's threads still alive: the non-daemon threads that have not
	 * ended within the grace period, and, as the JVM exits, the daemon threads still running
	 * work. Start the halt timer if one is due.
	 * @param closedAt when the context closed, in {@link System#nanoTime()} terms
	 * @param exiting whether the JVM is exiting
	 */
	void inspect(long closedAt, boolean exiting) {
		List<Thread> lingering = new ArrayList<>();
		StringBuilder daemons = new StringBuilder();
		for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
			Thread thread = entry.getKey();
			if (thread == Thread.currentThread() || thread == this.closingThread || this.baseline.contains(thread.getId())
					|| !thread.isAlive() || isJvmShutdownMachinery(thread, entry.getValue())) {
				continue;
			}
			if (!thread.isDaemon()) {
				lingering.add(thread);
			}
			else if (exiting && isWorking(entry.getValue())) {
				ThreadDumps.describe(daemons, thread, entry.getValue());
			}
		}
		lingering = awaitEnd(lingering, closedAt + this.delay.toNanos());
		if (daemons.length() > 0) {
			logger.warn("Daemon threads still running work that the JVM exit will kill:" + daemons);
		}
		if (lingering.isEmpty()) {
			return;
		}
		StringBuilder report = new StringBuilder();
		lingering.forEach((thread) -> ThreadDumps.describe(report, thread, thread.getStackTrace()));
		logger.warn((exiting ? "Non-daemon threads still running as the JVM exits, their work will be killed:"
				: "Non-daemon threads keep the JVM alive after the application context closed:") + report);
		if (!exiting && this.haltAfter != null) {
			startHaltTimer(lingering, closedAt + this.haltAfter.toNanos());
		}
	}

	private void startHaltTimer(List<Thread> lingering, long haltAtNanos) {
		Thread timer = new Thread(() -> {
			List<Thread> alive = awaitEnd(lingering, haltAtNanos);
			if (!alive.isEmpty()) {
				logger.error("Halting the JVM (quiet-shutdown.watchdog.halt-after=" + this.haltAfter + "): "
						+ alive.stream().map(Thread::getName).toList() + " still keep it alive");
				Runtime.getRuntime().halt(1);
			}
		}, "quiet-shutdown-halt");
		timer.setDaemon(true);
		timer.start();
	}

	private static List<Thread> awaitEnd(List<Thread> threads, long deadlineNanos) {
		List<Thread> alive = new ArrayList<>();
		for (Thread thread : threads) {
			long remaining = deadlineNanos - System.nanoTime();
			try {
				if (remaining > 0) {
					thread.join(Math.max(1, remaining / 1_000_000));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (thread.isAlive()) {
				alive.add(thread);
			}
		}
		return alive;
	}

	// The thread that waits for the hooks, and the other shutdown hooks themselves.
	private static boolean isJvmShutdownMachinery(Thread thread, StackTraceElement[] stack) {
		if (thread.getName().equals("DestroyJavaVM")) {
			return true;
		}
		for (StackTraceElement element : stack) {
			if (element.getClassName().equals("java.lang.ApplicationShutdownHooks")
					|| element.getClassName().equals("java.lang.Shutdown")) {
				return true;
			}
		}
		return thread.getState() == Thread.State.NEW;
	}

	private static boolean isWorking(StackTraceElement[] stack) {
		for (StackTraceElement element : stack) {
			if (element.getClassName().startsWith(QueueWorker.class.getName())
					&& "process".equals(element.getMethodName())) {
				return true;
			}
		}
		return ThreadDumps.runsTask(stack);
	}

}
