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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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

	private final List<PhaseCallback> callbacks = new ArrayList<>();

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
	public boolean advanceTo(ShutdownPhase next) {
		List<Runnable> due = new ArrayList<>();
		synchronized (this) {
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
			for (PhaseCallback callback : this.callbacks) {
				if (!callback.done && callback.phase.compareTo(next) <= 0) {
					callback.done = true;
					due.add(callback.action);
				}
			}
		}
		// Outside the lock: callbacks may read the state.
		due.forEach(Runnable::run);
		return true;
	}

	/**
	 * Run an action, once, on the thread that moves the state to the given phase or past it.
	 * If that has happened already, the action runs now. Actions run in registration order
	 * and must not throw.
	 * @param phase the phase
	 * @param action the action
	 */
	public void onPhase(ShutdownPhase phase, Runnable action) {
		onPhase(phase, 0, action);
	}

	/**
	 * Run an action, once, on the thread that moves the state to the given phase or past it,
	 * after the actions of a lower order. If that has happened already, the action runs now.
	 * Actions must not throw.
	 * @param phase the phase
	 * @param order the order among the actions of the phase; lower runs first
	 * @param action the action
	 */
	public void onPhase(ShutdownPhase phase, int order, Runnable action) {
		synchronized (this) {
			if (this.phase.compareTo(phase) < 0) {
				this.callbacks.add(new PhaseCallback(phase, order, action));
				this.callbacks.sort(Comparator.comparing((PhaseCallback callback) -> callback.phase)
					.thenComparingInt((callback) -> callback.order));
				return;
			}
		}
		action.run();
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
	 * Return the time since shutdown began, or zero if it has not.
	 * @return the time since the state entered {@link ShutdownPhase#CLOSING}
	 */
	public Duration getTimeSinceShutdownBegan() {
		Instant closing = getEntered(ShutdownPhase.CLOSING);
		return (closing != null) ? Duration.between(closing, Instant.now()) : Duration.ZERO;
	}

	/**
	 * Return when the current phase was entered.
	 * @return the instant the current phase was entered
	 */
	public synchronized Instant getSince() {
		return this.entered.get(this.phase);
	}

	private static final class PhaseCallback {

		private final ShutdownPhase phase;

		private final int order;

		private final Runnable action;

		private boolean done;

		PhaseCallback(ShutdownPhase phase, int order, Runnable action) {
			this.phase = phase;
			this.order = order;
			this.action = action;
		}

	}

	@Override
	public String toString() {
		return "ShutdownState[" + this.phase + " since " + getSince() + "]";
	}

}
