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

package io.github.quietshutdown.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * A lifecycle bean that does nothing but run an action when the lifecycle phases of its
 * context reach its own on the way down: a mark in the shutdown timeline between the
 * phases of other beans (the web server's graceful shutdown, the drain).
 *
 * @author Quiet Shutdown authors
 */
public final class PhaseMarker implements SmartLifecycle {

	private final int phase;

	private final Runnable onStop;

	private volatile boolean running;

	/**
	 * Create a new marker.
	 * @param phase the lifecycle phase; stopped after the beans of higher phases
	 * @param onStop what to do when stopped
	 */
	public PhaseMarker(int phase, Runnable onStop) {
		this.phase = phase;
		this.onStop = onStop;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running) {
			this.running = false;
			this.onStop.run();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
