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
package io.github.quietshutdown.intercept.thread;

import java.lang.Thread.UncaughtExceptionHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * The JVM's default {@link UncaughtExceptionHandler} while at least one application context
 * with Quiet Shutdown is registered: drops the shutdown symptoms of dying threads and hands
 * everything else to the handler that was the default before, or, if there was none, prints
 * it exactly as the JDK does.
 * <p>
 * Only threads without a handler of their own reach a default handler, so per-thread
 * handlers and {@code ThreadGroup} overrides are left alone. A raw thread belongs to no
 * context, so every registered context judges it: its throwable is suppressed if one of
 * them is shutting down and recognises a symptom.
 * <p>
 * The handler is installed when the first context registers, capturing the default handler
 * of that moment, and that handler is restored when the last context is released. If the
 * application replaced the default handler meanwhile, the next context to register wraps
 * the application's handler in turn; the last release then restores the application's
 * handler, and an instance the application dropped, if still reached, only delegates.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietUncaughtExceptionHandler implements UncaughtExceptionHandler {

	private static final Object monitor = new Object();

	private static final List<Registration> registrations = new CopyOnWriteArrayList<>();

	private static QuietUncaughtExceptionHandler installed;

	private final UncaughtExceptionHandler previous;

	private QuietUncaughtExceptionHandler(UncaughtExceptionHandler previous) {
		this.previous = previous;
	}

	/**
	 * Register the suppressor of a context, installing the handler as the JVM's default
	 * handler if it is not installed yet.
	 * @param suppressor the suppressor of the context
	 * @return the action that unregisters the suppressor, restoring the previous default
	 * handler if no other context remains registered; running it again has no effect
	 */
	public static Runnable register(SymptomSuppressor suppressor) {
		synchronized (monitor) {
			UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
			if (installed == null || current != installed) {
				installed = new QuietUncaughtExceptionHandler(current);
				Thread.setDefaultUncaughtExceptionHandler(installed);
			}
			Registration registration = new Registration(suppressor);
			registrations.add(registration);
			return () -> unregister(registration);
		}
	}

	private static void unregister(Registration registration) {
		synchronized (monitor) {
			if (!registrations.remove(registration) || !registrations.isEmpty() || installed == null) {
				return;
			}
			if (Thread.getDefaultUncaughtExceptionHandler() == installed) {
				Thread.setDefaultUncaughtExceptionHandler(installed.previous);
			}
			installed = null;
		}
	}

	/**
	 * Return the default handler that was in place when this handler was installed.
	 * @return the previous default handler, or {@code null} if there was none
	 */
	public UncaughtExceptionHandler getPrevious() {
		return this.previous;
	}

	@Override
	public void uncaughtException(Thread thread, Throwable ex) {
		if (isEveryContextShuttingDown()) {
			for (Registration registration : registrations) {
				if (registration.suppressor().suppress(SymptomSource.THREAD, thread.getName(), ex)) {
					return;
				}
			}
		}
		if (this.previous != null) {
			this.previous.uncaughtException(thread, ex);
		}
		else {
			printLikeTheJdk(thread, ex);
		}
	}

	// A dying thread is not tied to one context: while any context that registered still
	// runs, its errors stay visible.
	private static boolean isEveryContextShuttingDown() {
		for (Registration registration : registrations) {
			if (!registration.suppressor().getClassifier().getState().isShuttingDown()) {
				return false;
			}
		}
		return true;
	}

	// What ThreadGroup.uncaughtException does when no default handler is set (Java 17;
	// from Java 20 on, Thread.stop no longer throws ThreadDeath into threads).
	private static void printLikeTheJdk(Thread thread, Throwable ex) {
		if (!(ex instanceof ThreadDeath)) {
			System.err.print("Exception in thread \"" + thread.getName() + "\" ");
			ex.printStackTrace(System.err);
		}
	}

	// A record would compare equal for the same suppressor registered twice.
	private static final class Registration {

		private final SymptomSuppressor suppressor;

		Registration(SymptomSuppressor suppressor) {
			this.suppressor = suppressor;
		}

		SymptomSuppressor suppressor() {
			return this.suppressor;
		}

	}

}
