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
package io.github.quietshutdown.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What a task as submitted says of itself: its name for the log and the report, and the
 * failure its future kept.
 *
 * @author Quiet Shutdown authors
 */
final class SubmittedTasks {

	private SubmittedTasks() {
	}

	/**
	 * Describe a task by the application's own task inside the JDK's and Spring's wrappers:
	 * {@code FutureTask[..., task = ...]}, {@code RunnableAdapter[Wrapped task = ...]},
	 * {@code DelegatingErrorHandlingRunnable for ...}.
	 * @param task the task
	 * @return the description
	 */
	static String describe(Object task) {
		String text = String.valueOf(task);
		int wrapped = text.lastIndexOf("Wrapped task = ");
		int start = (wrapped >= 0) ? wrapped + "Wrapped task = ".length()
				: (text.contains("[Not completed, task = ") ? text.indexOf("task = ") + "task = ".length() : -1);
		if (start >= 0) {
			// As many ']' close the wrappers as '[' opened before the task.
			int open = 0;
			for (int i = 0; i < start; i++) {
				open += (text.charAt(i) == '[') ? 1 : ((text.charAt(i) == ']') ? -1 : 0);
			}
			text = text.substring(start);
			while (open-- > 0 && text.endsWith("]")) {
				text = text.substring(0, text.length() - 1);
			}
		}
		String errorHandling = SpringExecutors.ERROR_HANDLING_RUNNABLE;
		return text.startsWith(errorHandling) ? text.substring(errorHandling.length()) : text;
	}

	/**
	 * Return the failure a submitted {@link FutureTask} kept instead of throwing it. Read
	 * during shutdown only, of a task that has run: {@code get()} does not block.
	 * @param task the task as submitted
	 * @return the failure, or {@code null}
	 */
	static Throwable failureKeptBy(Object task) {
		if (task instanceof FutureTask<?> future && future.isDone() && !future.isCancelled()) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				return (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (CancellationException ex) {
				return null;
			}
		}
		return null;
	}

}
