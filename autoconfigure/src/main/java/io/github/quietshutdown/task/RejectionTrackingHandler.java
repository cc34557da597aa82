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

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Wraps an executor's {@link RejectedExecutionHandler} so that a task it refuses is
 * accounted for: reported if shutdown has begun, forgotten otherwise. The original handler
 * decides what happens, exactly as before: a task it runs in the caller or queues after all
 * is not refused, and the task that {@code DiscardOldestPolicy} discards to make room is
 * accounted for in its stead.
 *
 * @author Quiet Shutdown authors
 */
final class RejectionTrackingHandler implements RejectedExecutionHandler {

	private final RejectedExecutionHandler delegate;

	RejectionTrackingHandler(RejectedExecutionHandler delegate) {
		this.delegate = delegate;
	}

	@Override
	public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
		if (this.delegate instanceof ThreadPoolExecutor.DiscardOldestPolicy && !executor.isShutdown()) {
			// What the JDK's policy does, with the discarded task accounted for.
			Runnable oldest = executor.getQueue().poll();
			if (oldest != null) {
				QuietTasks.discardedByPolicy(oldest);
			}
			executor.execute(task);
			return;
		}
		boolean returned = false;
		try {
			this.delegate.rejectedExecution(task, executor);
			returned = true;
		}
		finally {
			if (returned) {
				QuietTasks.rejectionHandled(task, executor.getQueue());
			}
			else {
				QuietTasks.rejected(task);
			}
		}
	}

	static void install(ThreadPoolExecutor executor) {
		if (!(executor.getRejectedExecutionHandler() instanceof RejectionTrackingHandler)) {
			executor.setRejectedExecutionHandler(new RejectionTrackingHandler(executor.getRejectedExecutionHandler()));
		}
	}

}
