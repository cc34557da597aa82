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

import org.springframework.core.task.TaskDecorator;
import org.springframework.lang.Nullable;

import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * {@link TaskDecorator} that drops the shutdown symptoms thrown by tasks run through
 * {@code execute()}, every other throwable leaving the task unchanged, and tracks each task
 * so that shutdown can drain it or report it.
 * <p>
 * It is composed, outermost, with the decorator the executor already had (see
 * {@link #around(TaskDecorator)}); it is never published as a {@code TaskDecorator} bean,
 * which on Spring Boot 3.5 would disable the application's own decorator.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietTaskDecorator implements TaskDecorator {

	private final String executorName;

	private final SymptomSuppressor suppressor;

	private final TaskTracker tracker;

	@Nullable
	private final TaskDecorator inner;

	/**
	 * Create a new decorator.
	 * @param executorName the bean name of the executor, used in logs and tags
	 * @param suppressor the suppressor
	 * @param tracker the tracker of the executor's tasks
	 */
	public QuietTaskDecorator(String executorName, SymptomSuppressor suppressor, TaskTracker tracker) {
		this(executorName, suppressor, tracker, null);
	}

	private QuietTaskDecorator(String executorName, SymptomSuppressor suppressor, TaskTracker tracker,
			@Nullable TaskDecorator inner) {
		this.executorName = executorName;
		this.suppressor = suppressor;
		this.tracker = tracker;
		this.inner = inner;
	}

	/**
	 * Return a decorator that applies the given decorator first and this one around it,
	 * so that the given one's wrapper runs inside the quiet one. Unlike a
	 * {@code CompositeTaskDecorator}, the quiet wrapper still sees the task as submitted:
	 * a scheduler's one-shot task is recognised whatever the inner decorator returns.
	 * @param inner the decorator the executor already had
	 * @return the composed decorator
	 */
	public QuietTaskDecorator around(TaskDecorator inner) {
		return new QuietTaskDecorator(this.executorName, this.suppressor, this.tracker, inner);
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		Runnable decorated = (this.inner != null) ? this.inner.decorate(runnable) : runnable;
		return new QuietRunnable(decorated, runnable, this);
	}

	SymptomSuppressor suppressor() {
		return this.suppressor;
	}

	TaskTracker tracker() {
		return this.tracker;
	}

	/**
	 * Return the bean name of the decorated executor.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	/**
	 * Return the tracker of the executor's tasks.
	 * @return the tracker
	 */
	public TaskTracker getTracker() {
		return this.tracker;
	}

}
