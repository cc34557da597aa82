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

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shutdown state of one application context: its current {@link ShutdownPhase} and
 * when each phase was entered.
 * <p>
 * Reading the state is one volatile read, cheap enough for every task on every thread.
 * Phases only move forward; an attempt to move back is ignored. This class knows nothing of
 * Spring: the auto-configuration moves it to {@link ShutdownPhase#CLOSING} on the
 * {@code ContextClosedEvent} of its own context, before any other listener runs.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownState {

	private final Clock clock;

	private final Map<ShutdownPhase, Instant> entered = new EnumMap<>(ShutdownPhase.class);

	private volatile ShutdownPhase phase = ShutdownPhase.RUNNING;

	/**
	 * Create a new state in phase {@link ShutdownPhase#RUNNING}, using the system clock.
	 */
	public ShutdownState() {
		this(Clock.systemUTC());
	}

	/**
	 * Create a new state in phase {@link ShutdownPhase#RUNNING}.
	 * @param clock the clock used to timestamp phase changes
	 */
	public ShutdownState(Clock clock) {
		this.clock = clock;
		this.entered.put(ShutdownPhase.RUNNING, clock.instant());
	}

	/**
	 * Return the current phase.
	 * @return the phase
	 */
	public ShutdownPhase getPhase() {
		return this.phase;
	}

	/**
	 * Whether shutdown has begun, that is the phase is past {@link ShutdownPhase#RUNNING}.
	 * @return {@code true} once shutdown has begun
	 */
	public boolean isShuttingDown() {
		return this.phase != ShutdownPhase.RUNNING;
	}

	/**
	 * Move to the given phase if it is later than the current one.
	 * @param next the phase to enter
	 * @return {@code true} if the phase changed, {@code false} if the state was already at or
	 * past {@code next}
	 */
	public synchronized boolean advanceTo(ShutdownPhase next) {
		if (next.compareTo(this.phase) <= 0) {
			return false;
		}
		Instant now = this.clock.instant();
		for (ShutdownPhase skipped : ShutdownPhase.values()) {
			if (skipped.compareTo(this.phase) > 0 && skipped.compareTo(next) <= 0) {
				this.entered.put(skipped, now);
			}
		}
		this.phase = next;
		return true;
	}

	/**
	 * Return when the given phase was entered.
	 * @param phase the phase
	 * @return the instant it was entered, or {@code null} if it has not been entered yet
	 */
	public synchronized Instant getEntered(ShutdownPhase phase) {
		return this.entered.get(phase);
	}

	/**
	 * Return when the current phase was entered.
	 * @return the instant the current phase was entered
	 */
	public synchronized Instant getSince() {
		return this.entered.get(this.phase);
	}

	@Override
	public String toString() {
		return "ShutdownState[" + this.phase + " since " + getSince() + "]";
	}

}
