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
 * The roads a failure can take in {@link ShutdownRoadsApplication}.
 */
public enum Road {

	/**
	 * A {@code @Scheduled} method of a poller.
	 */
	SCHEDULED,

	/**
	 * A {@code void @Async} method of a writer.
	 */
	ASYNC,

	/**
	 * A raw thread that dies of the failure.
	 */
	THREAD,

	/**
	 * A task run by {@code execute()} on the application task executor.
	 */
	EXECUTE,

	/**
	 * A foreign thread that catches the failure and logs it at ERROR, as listener
	 * containers and event loops do.
	 */
	LOGGED

}
