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

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pending tasks of one executor, counted on each side of the moment shutdown began,
 * and the wake-up of the drain when the last one ends: no polling.
 * <p>
 * Four adders rather than one atomic counter: the submitting and the running threads
 * increment different cells instead of fighting over one cache line. Accepts and releases
 * seen while the application ran are kept apart from those seen during shutdown, which
 * makes the books.
 *
 * @author Quiet Shutdown authors
 */
final class PendingTasks {

	private final LongAdder acceptedRunning = new LongAdder();

	private final LongAdder releasedRunning = new LongAdder();

	private final LongAdder acceptedShutdown = new LongAdder();

	private final LongAdder releasedShutdown = new LongAdder();

	// Decorated during shutdown, then refused to the caller by the executor itself.
	private final LongAdder withdrawn = new LongAdder();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition idle = this.lock.newCondition();

	private volatile boolean draining;

	void accept(boolean duringShutdown) {
		(duringShutdown ? this.acceptedShutdown : this.acceptedRunning).increment();
	}

	void release(boolean duringShutdown) {
		(duringShutdown ? this.releasedShutdown : this.releasedRunning).increment();
		signalIfIdle();
	}

	void withdraw(boolean duringShutdown) {
		if (duringShutdown) {
			this.withdrawn.increment();
		}
		release(duringShutdown);
	}

	long pending() {
		// Releases first: a task accepted between the reads makes the estimate larger,
		// never smaller, so the drain never ends early.
		long released = this.releasedRunning.sum() + this.releasedShutdown.sum();
		return this.acceptedRunning.sum() + this.acceptedShutdown.sum() - released;
	}

	// Pending when shutdown began, or accepted since and not withdrawn.
	long accepted() {
		return this.acceptedShutdown.sum() - this.withdrawn.sum() + this.acceptedRunning.sum()
				- this.releasedRunning.sum();
	}

	private void signalIfIdle() {
		if (this.draining && pending() <= 0) {
			this.lock.lock();
			try {
				this.idle.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	boolean awaitIdle(long deadlineNanos) throws InterruptedException {
		this.draining = true;
		this.lock.lock();
		try {
			long remaining = deadlineNanos - System.nanoTime();
			while (pending() > 0) {
				if (remaining <= 0) {
					return false;
				}
				remaining = this.idle.awaitNanos(remaining);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

}
