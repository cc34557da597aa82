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
package io.github.quietshutdown.test;

import java.util.function.Supplier;

/**
 * A failing action that remembers the very throwable it threw, so tests can check which
 * instance a handler received.
 */
public final class Failure implements Runnable {

	private final Runnable action;

	private volatile Throwable thrown;

	private Failure(Runnable action) {
		this.action = action;
	}

	/**
	 * A failure that runs an action expected to throw.
	 * @param action the action
	 * @return the failure
	 */
	public static Failure of(Runnable action) {
		return new Failure(action);
	}

	/**
	 * A failure that throws the given unchecked exception or error.
	 * @param throwable creates the throwable, a {@link RuntimeException} or an {@link Error}
	 * @return the failure
	 */
	public static Failure throwing(Supplier<? extends Throwable> throwable) {
		return new Failure(() -> {
			Throwable created = throwable.get();
			if (created instanceof Error error) {
				throw error;
			}
			throw (RuntimeException) created;
		});
	}

	@Override
	public void run() {
		try {
			this.action.run();
		}
		catch (RuntimeException | Error ex) {
			this.thrown = ex;
			throw ex;
		}
		throw new IllegalStateException("Failure did not fail");
	}

	/**
	 * Return what the failure threw.
	 * @return the throwable, or {@code null} if it has not run
	 */
	public Throwable thrown() {
		return this.thrown;
	}

}
