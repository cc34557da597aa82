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
package io.github.quietshutdown.it.support;

import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;

/**
 * The application's own books of the work it hands to its executors, kept as a user would:
 * a submission is accepted when the call returned without exception and refused when the
 * caller got a rejection; a task is completed when its work reached its end; the starter
 * reports the others to this {@link AbandonedTaskHandler}. Balanced when accepted =
 * completed + reported (abandoned or failed); refusals are counted apart.
 */
public final class Ledger implements AbandonedTaskHandler {

	private final Set<String> executors;

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong reported = new AtomicLong();

	private final AtomicLong reportedRejected = new AtomicLong();

	/**
	 * Create books for the work handed to the given executors.
	 * @param executors the bean names of the executors whose reports count
	 */
	public Ledger(String... executors) {
		this.executors = Set.of(executors);
	}

	/**
	 * Hand work to an executor and count the submission.
	 * @param executor the executor
	 * @param work the work
	 */
	public void submit(Executor executor, Runnable work) {
		accept(() -> executor.execute(() -> {
			work.run();
			completed();
		}));
	}

	/**
	 * Make a submission, such as a call to an {@code @Async} method, whose task calls
	 * {@link #completed()} when its work reached its end.
	 * @param submission the submission
	 */
	public void accept(Runnable submission) {
		try {
			submission.run();
			this.accepted.incrementAndGet();
		}
		catch (RejectedExecutionException ex) {
			// TaskRejectedException too: the caller knows that the task will not run.
			this.refused.incrementAndGet();
		}
	}

	/**
	 * Count a task whose work reached its end.
	 */
	public void completed() {
		this.completed.incrementAndGet();
	}

	@Override
	public void handle(AbandonedTask task) {
		if (!this.executors.contains(task.source()) || ControlErrors.isControl(task.description())) {
			return;
		}
		// By name: FAILED is an outcome that newer versions of the starter add.
		if ("REJECTED".equals(task.outcome().name())) {
			this.reportedRejected.incrementAndGet();
		}
		else {
			this.reported.incrementAndGet();
		}
	}

	/**
	 * Return the accepted submissions.
	 * @return the count
	 */
	public long accepted() {
		return this.accepted.get();
	}

	/**
	 * Return whether accepted = completed + reported.
	 * @return whether the books balance
	 */
	public boolean balanced() {
		return this.accepted.get() == this.completed.get() + this.reported.get();
	}

	@Override
	public String toString() {
		return "accepted=" + this.accepted + " completed=" + this.completed + " reported=" + this.reported
				+ " (refused=" + this.refused + ", reported rejected=" + this.reportedRejected + ")";
	}

}
