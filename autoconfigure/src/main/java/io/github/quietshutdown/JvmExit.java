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
package io.github.quietshutdown;

/**
 * Whether the JVM itself is exiting, as opposed to a context closing while the JVM goes on.
 *
 * @author Quiet Shutdown authors
 */
public final class JvmExit {

	private JvmExit() {
	}

	/**
	 * Whether the JVM is exiting, that is its shutdown hooks are running.
	 * @return {@code true} once the JVM has begun to exit
	 */
	public static boolean isExiting() {
		// The JDK offers no query; registering a hook is refused once shutdown has begun.
		Thread probe = new Thread(() -> {
		}, "quiet-shutdown-exit-probe");
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

}
