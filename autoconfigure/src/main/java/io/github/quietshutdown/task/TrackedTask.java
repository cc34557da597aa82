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

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;

/**
 * A tracked task, as far as its books need it.
 *
 * @author Quiet Shutdown authors
 */
public interface TrackedTask {

	/**
	 * No task: an item of a worker of its own.
	 */
	TrackedTask NONE = new TrackedTask() {

		@Override
		public AbandonedTask describe(TaskOutcome outcome) {
			return null;
		}

	};

	/**
	 * Describe the task for its report.
	 * @param outcome what became of it
	 * @return the description, or {@code null} for none
	 */
	AbandonedTask describe(TaskOutcome outcome);

	/**
	 * Return what the task's future holds instead of throwing it, once run.
	 * @return the failure, or {@code null}
	 */
	default Throwable failureKeptByFuture() {
		return null;
	}

}
