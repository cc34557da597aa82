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

import java.util.concurrent.ThreadFactory;

/**
 * Marks the threads that run the tasks of tracked executors, so that work they hand over
 * while the executors drain (a second stage, a retry, a continuation) is told from work
 * offered from outside.
 * <p>
 * A pool's threads are marked once, as the pool creates them, through its thread
 * factory: nothing is added to each task. A thread-per-task executor marks the thread as
 * its task starts, which costs nothing next to starting a thread.
 *
 * @author Quiet Shutdown authors
 */
final class TaskThreads {

	private static final ThreadLocal<Object> owner = new ThreadLocal<>();

	private TaskThreads() {
	}

	/**
	 * Mark the current thread as running tasks of the executors of the given registry.
	 * @param registry the registry of the tracked executors
	 */
	public static void mark(Object registry) {
		if (owner.get() != registry) {
			owner.set(registry);
		}
	}

	/**
	 * Whether the current thread runs tasks of the executors of the given registry.
	 * @param registry the registry of the tracked executors
	 * @return {@code true} if work offered from this thread is handed over by a task
	 */
	public static boolean runsTasksOf(Object registry) {
		return owner.get() == registry;
	}

	/**
	 * Return a thread factory whose threads are marked as running tasks of the executors
	 * of the given registry.
	 * @param factory the pool's thread factory
	 * @param registry the registry of the tracked executors
	 * @return the marking thread factory
	 */
	public static ThreadFactory marking(ThreadFactory factory, Object registry) {
		if (factory instanceof MarkingThreadFactory) {
			return factory;
		}
		return new MarkingThreadFactory(factory, registry);
	}

	private record MarkingThreadFactory(ThreadFactory delegate, Object registry) implements ThreadFactory {

		@Override
		public Thread newThread(Runnable runnable) {
			return this.delegate.newThread(() -> {
				mark(this.registry);
				runnable.run();
			});
		}

	}

}
