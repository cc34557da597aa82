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
package io.github.quietshutdown.autoconfigure;

import java.time.Duration;

/**
 * What happens once the context has closed: the {@code quiet-shutdown.watchdog.*}
 * properties.
 *
 * @author Quiet Shutdown authors
 */
public class WatchdogProperties {

	/**
	 * Whether to report, once the context has closed, the non-daemon threads that keep
	 * the JVM alive and the daemon threads whose work the JVM exit will kill.
	 */
	private boolean enabled = true;

	/**
	 * Time that the application's non-daemon threads get to end, once the context has
	 * closed, before they are reported as lingering.
	 */
	private Duration delay = Duration.ofSeconds(2);

	/**
	 * Time after the context has closed at which to halt the JVM if non-daemon threads
	 * still keep it alive. Not set: never halt.
	 */
	private Duration haltAfter;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDelay() {
		return this.delay;
	}

	public void setDelay(Duration delay) {
		this.delay = delay;
	}

	public Duration getHaltAfter() {
		return this.haltAfter;
	}

	public void setHaltAfter(Duration haltAfter) {
		this.haltAfter = haltAfter;
	}

}
