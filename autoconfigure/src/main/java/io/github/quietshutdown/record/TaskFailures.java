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
package io.github.quietshutdown.record;

/**
 * Remembers, for the thread that runs a tracked task, that something on that thread
 * failed during shutdown: a symptom suppressed on any road, or an exception an
 * {@code @Async} or {@code @Scheduled} method threw. A task whose failure was caught and
 * handled inside it (an {@code @Async} method's exception goes to its handler, a library
 * logs and carries on) still ends without an exception, yet did not do its work: the
 * mark makes it {@code failed}, not {@code completed}.
 * <p>
 * Marks are set and read during shutdown only, so the normal path does not touch the
 * thread-local.
 *
 * @author Quiet Shutdown authors
 */
public final class TaskFailures {

	private static final ThreadLocal<Failure> failure = new ThreadLocal<>();

	private TaskFailures() {
	}

	/**
	 * Mark the task the current thread runs as failed, keeping the first failure.
	 * @param ex what failed
	 * @param origin where it failed, such as the {@code @Async} method, for the report
	 */
	public static void mark(Throwable ex, String origin) {
		if (failure.get() == null) {
			failure.set(new Failure(ex, origin));
		}
	}

	/**
	 * Forget any mark: called as a task starts during shutdown.
	 */
	public static void clear() {
		failure.remove();
	}

	/**
	 * Return and forget the mark of the current thread.
	 * @return the first failure marked, or {@code null}
	 */
	public static Failure take() {
		Failure marked = failure.get();
		if (marked != null) {
			failure.remove();
		}
		return marked;
	}

	/**
	 * A failure marked on a thread.
	 *
	 * @param exception what failed
	 * @param origin where it failed
	 */
	public record Failure(Throwable exception, String origin) {

	}

}
