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

/**
 * A task whose {@code toString()} is its name, as reports describe it.
 */
public final class NamedTask implements Runnable {

	private final String name;

	private final Runnable body;

	private NamedTask(String name, Runnable body) {
		this.name = name;
		this.body = body;
	}

	/**
	 * Return a task that does nothing.
	 * @param name its name
	 * @return the task
	 */
	public static Runnable named(String name) {
		return new NamedTask(name, () -> {
		});
	}

	/**
	 * Return a task that runs the given body.
	 * @param name its name
	 * @param body what it does
	 * @return the task
	 */
	public static Runnable named(String name, Runnable body) {
		return new NamedTask(name, body);
	}

	@Override
	public void run() {
		this.body.run();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
