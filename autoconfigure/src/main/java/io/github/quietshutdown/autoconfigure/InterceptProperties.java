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

/**
 * Which roads, besides executor tasks, shutdown symptoms are caught on: the
 * {@code quiet-shutdown.intercept.*} properties.
 *
 * @author Quiet Shutdown authors
 */
public class InterceptProperties {

	/**
	 * Whether to suppress shutdown symptoms thrown by '@Scheduled' methods.
	 */
	private boolean scheduled = true;

	/**
	 * Whether to suppress shutdown symptoms thrown by void '@Async' methods.
	 */
	private boolean async = true;

	/**
	 * Whether to install a default uncaught-exception handler, composed with any handler
	 * already set, that suppresses shutdown symptoms of dying threads.
	 */
	private boolean threads = true;

	/**
	 * Whether to filter WARN and ERROR log records whose exception is a shutdown symptom,
	 * for threads the starter does not own (Logback and Log4j2).
	 */
	private boolean logging = true;

	/**
	 * Whether to append ' [during shutdown]' to the message of WARN and ERROR log
	 * records whose exception is not a shutdown symptom, logged while the application
	 * shuts down, and to set 'quiet.shutdown=during' in their MDC (Logback) or thread
	 * context (Log4j2). Needs 'logging'.
	 */
	private boolean labelDuringShutdown = true;

	public boolean isScheduled() {
		return this.scheduled;
	}

	public void setScheduled(boolean scheduled) {
		this.scheduled = scheduled;
	}

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	public boolean isThreads() {
		return this.threads;
	}

	public void setThreads(boolean threads) {
		this.threads = threads;
	}

	public boolean isLogging() {
		return this.logging;
	}

	public void setLogging(boolean logging) {
		this.logging = logging;
	}

	public boolean isLabelDuringShutdown() {
		return this.labelDuringShutdown;
	}

	public void setLabelDuringShutdown(boolean labelDuringShutdown) {
		this.labelDuringShutdown = labelDuringShutdown;
	}

}
