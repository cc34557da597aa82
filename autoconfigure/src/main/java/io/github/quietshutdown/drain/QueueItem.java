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

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.task.TrackedTask;

/**
 * An item offered to a {@link QueueWorker}, with the moment it was offered.
 *
 * @param <T> the type of the item
 * @author Quiet Shutdown authors
 */
final class QueueItem<T> implements TrackedTask {

	private final String source;

	private final T value;

	private final long offeredAt = System.nanoTime();

	QueueItem(String source, T value) {
		this.source = source;
		this.value = value;
	}

	T value() {
		return this.value;
	}

	@Override
	public AbandonedTask describe(TaskOutcome outcome) {
		return new AbandonedTask(this.source, this.value, String.valueOf(this.value),
				Duration.ofNanos(System.nanoTime() - this.offeredAt), outcome, false);
	}

}
