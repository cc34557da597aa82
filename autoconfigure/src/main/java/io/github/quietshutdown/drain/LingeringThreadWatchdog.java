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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;

import io.github.quietshutdown.JvmExit;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;

/**
 * Once the context has closed, names the threads the application started that are still
 * alive: non-daemon threads keep the JVM from exiting, and work on daemon threads is killed
 * when it exits. Each is reported once with a short stack trace.
 * <p>
 * Threads that were alive before the application started (the launcher's, the test
 * runner's) are not the application's and are left out. Non-daemon threads get a short
 * grace period to end, waited for by joining them. Opt-in: if the JVM is not exiting and a
 * non-daemon thread is still alive after a further period, the JVM is halted with status 1.
 *
 * @author Quiet Shutdown authors
 */
public final class LingeringThreadWatchdog {

	private static final String BOOT_SHUTDOWN_HOOK = "SpringApplicationShutdownHook";

	// Actions waiting for the inspection at JVM exit: see afterInspection.
	private final List<Runnable> pending = new ArrayList<>();

	private boolean inspectionDone;

	private final LingeringThreads threads;

	private final Runnable exitHandler;

	private final AtomicBoolean inspected = new AtomicBoolean();

	private volatile boolean closed;

	/**
	 * Create a new watchdog that inspects threads when the state reaches
	 * {@link ShutdownPhase#CLOSED}.
	 * @param state the shutdown state
	 * @param startupThreads ids of the threads alive before the application started
	 * @param delay how long non-daemon threads may take to end before they are reported
	 * @param haltAfter when to halt the JVM if non-daemon threads keep it alive, counted from
	 * the end of the close; {@code null} to never halt
	 */
	public LingeringThreadWatchdog(ShutdownState state, Set<Long> startupThreads, Duration delay, Duration haltAfter) {
		this.threads = new LingeringThreads(startupThreads, delay, haltAfter);
		this.exitHandler = registerExitHandler();
		state.onPhase(ShutdownPhase.CLOSED, this::contextClosed);
	}

	// When the JVM exits, Spring Boot's shutdown handlers run after every context has closed
	// (and web servers are gone): the right moment to look, on the exiting thread.
	private Runnable registerExitHandler() {
		try {
			Runnable handler = () -> {
				if (this.closed && !this.inspected.getAndSet(true)) {
					try {
						this.threads.inspect(System.nanoTime(), true);
					}
					finally {
						runAfterInspection();
					}
				}
			};
			SpringApplication.getShutdownHandlers().add(handler);
			return handler;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private void contextClosed() {
		this.closed = true;
		if (JvmExit.isExiting()) {
			if (this.exitHandler == null && !this.inspected.getAndSet(true)) {
				this.threads.inspect(System.nanoTime(), true);
			}
			return;
		}
		if (this.exitHandler != null) {
			SpringApplication.getShutdownHandlers().remove(this.exitHandler);
		}
		// The closing thread still has work to do (a web server is destroyed after the
		// beans): look from another thread, so that its threads can end meanwhile.
		long closedAt = System.nanoTime();
		this.threads.closedOn(Thread.currentThread());
		Thread watchdog = new Thread(() -> {
			if (!this.inspected.getAndSet(true)) {
				this.threads.inspect(closedAt, false);
			}
		}, "quiet-shutdown-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/**
	 * Run the given action once the threads have been inspected as the JVM exits, so that
	 * what it logs comes after the watchdog's lines; at once if no such inspection is due.
	 * @param action the action, such as logging the summary line
	 */
	public void afterInspection(Runnable action) {
		synchronized (this.pending) {
			// Deferred only on Spring Boot's own shutdown hook, which runs the shutdown
			// handlers, the inspection among them, right after the contexts have closed.
			if (this.exitHandler != null && this.closed && JvmExit.isExiting() && !this.inspectionDone
					&& BOOT_SHUTDOWN_HOOK.equals(Thread.currentThread().getName())) {
				this.pending.add(action);
				return;
			}
		}
		action.run();
	}

	private void runAfterInspection() {
		List<Runnable> actions;
		synchronized (this.pending) {
			this.inspectionDone = true;
			actions = new ArrayList<>(this.pending);
			this.pending.clear();
		}
		actions.forEach(Runnable::run);
	}

}
