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
package io.github.quietshutdown.intercept;

import org.springframework.core.task.TaskDecorator;

/**
 * {@link TaskDecorator} that drops the shutdown symptoms thrown by tasks run through
 * {@code execute()}; every other throwable leaves the task unchanged.
 * <p>
 * It is composed, outermost, with the decorator the executor already had; it is never
 * published as a {@code TaskDecorator} bean, which on Spring Boot 3.5 would disable the
 * application's own decorator.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietTaskDecorator implements TaskDecorator {

	private final String executorName;

	private final SymptomSuppressor suppressor;

	/**
	 * Create a new decorator.
	 * @param executorName the bean name of the executor, used in logs and tags
	 * @param suppressor the suppressor
	 */
	public QuietTaskDecorator(String executorName, SymptomSuppressor suppressor) {
		this.executorName = executorName;
		this.suppressor = suppressor;
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		return new QuietRunnable(runnable, this);
	}

	/**
	 * Return the bean name of the decorated executor.
	 * @return the executor name
	 */
	public String getExecutorName() {
		return this.executorName;
	}

	boolean suppress(Throwable ex) {
		return this.suppressor.suppress(SymptomSource.EXECUTOR, this.executorName, ex);
	}

	/**
	 * The wrapper around each task.
	 */
	static final class QuietRunnable implements Runnable {

		private final Runnable delegate;

		private final QuietTaskDecorator decorator;

		QuietRunnable(Runnable delegate, QuietTaskDecorator decorator) {
			this.delegate = delegate;
			this.decorator = decorator;
		}

		@Override
		public void run() {
			try {
				this.delegate.run();
			}
			catch (Throwable ex) {
				if (!this.decorator.suppress(ex)) {
					throw ex;
				}
			}
		}

		Runnable getDelegate() {
			return this.delegate;
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

}
