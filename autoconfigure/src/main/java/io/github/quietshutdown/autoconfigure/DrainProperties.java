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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How executors are drained before resources close: the {@code quiet-shutdown.drain.*}
 * properties.
 *
 * @author Quiet Shutdown authors
 */
public class DrainProperties {

	/**
	 * Whether to drain executors, running and queued tasks alike, before resources such
	 * as the DataSource are destroyed.
	 */
	private boolean enabled = true;

	/**
	 * Maximum time to wait for the tasks of one executor. An executor whose own
	 * await-termination period is shorter is waited for that long at most. The drain
	 * is not bounded by 'spring.lifecycle.timeout-per-shutdown-phase'.
	 */
	private Duration timeout = Duration.ofSeconds(20);

	/**
	 * Maximum time to wait, by executor bean name, overriding the timeout.
	 */
	private Map<String, Duration> executorTimeouts = new LinkedHashMap<>();

	/**
	 * Time between two progress lines while a drain lasts.
	 */
	private Duration progressInterval = Duration.ofSeconds(5);

	public Duration getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(Duration progressInterval) {
		this.progressInterval = progressInterval;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Map<String, Duration> getExecutorTimeouts() {
		return this.executorTimeouts;
	}

	public void setExecutorTimeouts(Map<String, Duration> executorTimeouts) {
		this.executorTimeouts = executorTimeouts;
	}

	/**
	 * Return the drain timeout of the given executor: its own, else the timeout.
	 * @param executorName the executor bean name
	 * @return the timeout
	 */
	public Duration getTimeout(String executorName) {
		return this.executorTimeouts.getOrDefault(executorName, this.timeout);
	}

}
