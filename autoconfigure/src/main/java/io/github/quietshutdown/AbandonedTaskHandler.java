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

/**
 * Receives every task that will not run because the application shut down: still queued
 * when the drain deadline passed, dropped when an executor was shut down, or rejected
 * after shutdown began. Declare beans of this type, for example to persist the tasks so
 * that the next run can do them.
 * <p>
 * Handlers are called on the shutdown thread, while resources such as the
 * {@code DataSource} are still open for tasks abandoned by the drain. They should be quick;
 * an exception they throw is logged and does not stop the other handlers.
 *
 * @author Quiet Shutdown authors
 */
@FunctionalInterface
public interface AbandonedTaskHandler {

	/**
	 * Handle a task that will never run.
	 * @param task the task
	 */
	void handle(AbandonedTask task);

}
