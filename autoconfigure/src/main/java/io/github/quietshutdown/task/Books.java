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

/**
 * The books of one executor during shutdown: every task accepted before intake closed, or
 * handed over by a running task while the executor drained, ends as completed, failed or
 * abandoned; refusals are counted apart.
 *
 * @param accepted tasks pending when shutdown began, or accepted since
 * @param completed tasks that ran to their end without an exception
 * @param failed tasks that ended with an exception, shown or suppressed
 * @param abandoned tasks that will never run
 * @param rejected tasks refused to their callers, not in the books
 * @param running tasks still pending
 * @author Quiet Shutdown authors
 */
public record Books(long accepted, long completed, long failed, long abandoned, long rejected, long running) {

	/**
	 * Whether every accepted task is accounted for.
	 * @return {@code true} if accepted = completed + failed + abandoned + running
	 */
	public boolean balances() {
		return this.accepted == this.completed + this.failed + this.abandoned + this.running;
	}

}
