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

import java.lang.Thread.UncaughtExceptionHandler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.DisposableBean;

import io.github.quietshutdown.intercept.thread.QuietUncaughtExceptionHandler;

/**
 * Plain {@link Thread}s of the application, outside any executor. A <em>managed</em> thread
 * loops until this bean is destroyed, which tells it to stop without waiting for it, as
 * applications usually do; a <em>stray</em> thread is never told and loops until its work
 * throws, which after the close it does. Either dies with what its work throws, through the
 * thread's uncaught exception handler. Each round is followed by a pause of a millisecond,
 * the pace of an application that has other things to do; a stray thread that never fails
 * ends two seconds after the close, when the JVM of an application that shuts down would have
 * exited.
 * <p>
 * A context closed in a JVM that goes on (tests, DevTools) releases the starter's JVM-wide
 * uncaught exception handler and logging filter once its beans are destroyed; when the JVM
 * exits, as in production, they stay. A thread that fails after that release is recorded, so
 * that its stack trace is shown apart rather than counted.
 */
public final class RawThreads implements DisposableBean {

	private static final long PACE = Duration.ofMillis(1).toNanos();

	private static final long STRAY_AFTER_CLOSE = Duration.ofSeconds(2).toNanos();

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final Set<String> failedAfterRelease = ConcurrentHashMap.newKeySet();

	private volatile boolean running = true;

	private volatile long destroyedAt;

	/**
	 * Start a thread that loops over the work until this bean is destroyed.
	 * @param name the thread name
	 * @param work one round of work
	 */
	public void managed(String name, Runnable work) {
		start(name, () -> {
			while (this.running) {
				work.run();
				LockSupport.parkNanos(PACE);
			}
		});
	}

	/**
	 * Start a thread that loops over the work until the work throws.
	 * @param name the thread name
	 * @param work one round of work
	 */
	public void stray(String name, Runnable work) {
		start(name, () -> {
			while (this.running || System.nanoTime() - this.destroyedAt < STRAY_AFTER_CLOSE) {
				work.run();
				LockSupport.parkNanos(PACE);
			}
		});
	}

	private void start(String name, Runnable loop) {
		Thread thread = new Thread(() -> {
			UncaughtExceptionHandler atStart = Thread.getDefaultUncaughtExceptionHandler();
			try {
				loop.run();
			}
			catch (RuntimeException | Error ex) {
				// The starter's JVM-wide handler, installed when the thread started, is gone:
				// the context released it once closed, as in a JVM that goes on.
				if (atStart instanceof QuietUncaughtExceptionHandler
						&& Thread.getDefaultUncaughtExceptionHandler() != atStart) {
					this.failedAfterRelease.add(Thread.currentThread().getName());
				}
				throw ex;
			}
		}, name);
		this.threads.add(thread);
		thread.start();
	}

	/**
	 * Return whether a stack trace was printed for one of these threads that failed after
	 * the context had released the starter's JVM-wide interceptions (by the JDK's default
	 * uncaught exception handling, or by a logger: Spring Boot's console pattern shows the
	 * last 15 characters of the thread name).
	 * @param trace the trace
	 * @return whether it was
	 */
	public boolean printedAfterRelease(String trace) {
		return this.failedAfterRelease.stream()
			.anyMatch((name) -> trace.contains("Exception in thread \"" + name + "\" ")
					|| trace.contains(name.substring(Math.max(0, name.length() - 15)) + "] "));
	}

	@Override
	public void destroy() {
		this.destroyedAt = System.nanoTime();
		this.running = false;
	}

	/**
	 * Wait for every thread to end.
	 * @param timeout the longest wait for each
	 * @return the names of the threads still alive
	 * @throws InterruptedException if interrupted
	 */
	public List<String> join(Duration timeout) throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.join(timeout.toMillis());
		}
		return this.threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
	}

}
