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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A task that is either run or dropped, once: its run and a drop (by the drain, a
 * rejection policy or the executor's {@code shutdownNow()}) race for it, and one of them
 * wins. It is a {@link Future} only so that an executor shut down with
 * {@code shutdownNow()} tells it, through {@code cancel}, that it was dropped: Spring's
 * {@code ExecutorConfigurationSupport} cancels every remaining task that is a
 * {@code Future}. It supports nothing else of {@code Future}.
 *
 * @author Quiet Shutdown authors
 */
abstract class DroppableTask implements Runnable, Future<Void> {

	private static final AtomicIntegerFieldUpdater<DroppableTask> STATE = AtomicIntegerFieldUpdater
		.newUpdater(DroppableTask.class, "state");

	private static final int DROPPED = 1;

	private static final int RUNNING = 2;

	private volatile int state;

	/**
	 * Claim the task for its run.
	 * @return {@code true} if no drop came first
	 */
	final boolean claimToRun() {
		return STATE.compareAndSet(this, 0, RUNNING);
	}

	/**
	 * Claim the task for a drop.
	 * @return {@code true} if neither its run nor another drop came first
	 */
	final boolean markDropped() {
		return STATE.compareAndSet(this, 0, DROPPED);
	}

	@Override
	public final boolean isCancelled() {
		return this.state == DROPPED;
	}

	@Override
	public final boolean isDone() {
		return this.state == DROPPED;
	}

	@Override
	public final Void get() {
		throw unsupported();
	}

	@Override
	public final Void get(long timeout, TimeUnit unit) {
		throw unsupported();
	}

	private RuntimeException unsupported() {
		return isCancelled() ? new CancellationException() : new UnsupportedOperationException(
				"Use the Future returned by the executor's submit methods to get a task's result");
	}

}
