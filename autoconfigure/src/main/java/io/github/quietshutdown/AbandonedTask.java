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
package io.github.quietshutdown;

import java.time.Duration;

/**
 * A task that was accepted before or during shutdown but will never run.
 *
 * @param source bean name of the executor or {@code QueueWorker} that held the task
 * @param task the task or item itself: the runnable as the executor's decorators left it,
 * or the item offered to a {@code QueueWorker}
 * @param description the task's {@code toString()}
 * @param age time since the task was accepted or, for a task accepted before shutdown
 * began, time since shutdown began (the task is at least that old)
 * @param outcome {@link TaskOutcome#ABANDONED} if it was accepted and then dropped, or
 * {@link TaskOutcome#REJECTED} if it was refused after shutdown began
 * @param acceptedBeforeShutdown whether the task was accepted before shutdown began, in
 * which case {@code age} is a lower bound
 * @author Quiet Shutdown authors
 */
public record AbandonedTask(String source, Object task, String description, Duration age, TaskOutcome outcome,
		boolean acceptedBeforeShutdown) {

	@Override
	public String toString() {
		return this.description + " (" + this.outcome.tagValue() + ", age " + (this.acceptedBeforeShutdown ? "≥ " : "")
				+ this.age.toMillis() + " ms)";
	}

}
