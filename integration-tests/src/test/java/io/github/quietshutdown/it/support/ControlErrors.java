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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Real errors that must stay visible: a task that throws
 * {@code IllegalStateException("control-before")} while the application runs and one that
 * throws {@code IllegalStateException("control-during")} once its context began to close.
 */
public final class ControlErrors implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	/** Message of the error thrown before the close. */
	public static final String BEFORE = "control-before";

	/** Message of the error thrown during the close. */
	public static final String DURING = "control-during";

	private final Executor executor;

	private ApplicationContext context;

	/**
	 * Create the control errors, thrown by tasks of the given executor.
	 * @param executor the executor
	 */
	public ControlErrors(Executor executor) {
		this.executor = executor;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Throw the control error of a running application, from a task.
	 */
	public void before() {
		fail(BEFORE);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() == this.context) {
			fail(DURING);
		}
	}

	/**
	 * Return whether a task description names a control task.
	 * @param description the task's {@code toString()}
	 * @return whether it is a control task
	 */
	public static boolean isControl(String description) {
		return description.startsWith(ControlTask.PREFIX);
	}

	private void fail(String message) {
		CountDownLatch running = new CountDownLatch(1);
		this.executor.execute(new ControlTask(message, running));
		try {
			if (!running.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The task that throws '" + message + "' did not run within 30s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A task that throws a control error; named, so that the books can leave it out.
	 */
	private static final class ControlTask implements Runnable {

		static final String PREFIX = "control task ";

		private final String message;

		private final CountDownLatch running;

		ControlTask(String message, CountDownLatch running) {
			this.message = message;
			this.running = running;
		}

		@Override
		public void run() {
			this.running.countDown();
			throw new IllegalStateException(this.message);
		}

		@Override
		public String toString() {
			return PREFIX + this.message;
		}

	}

}
