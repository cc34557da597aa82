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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The phases of one shutdown, each with its start offset and duration, counted from the
 * moment shutdown began (the signal, as far as the application can tell).
 * <p>
 * A phase is begun and ended by name; a phase of the same name begun again is ignored. A
 * phase whose name has the form {@code group:item} (such as {@code drain:ingestExecutor})
 * is a part of the phase {@code group}. Listeners are told of every change, for example
 * to rewrite the report file, so that a shutdown killed half-way is found by the next
 * start. This class knows nothing of Spring.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownTimeline {

	private final Map<String, long[]> phases = new LinkedHashMap<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile long originNanos;

	private volatile Instant origin;

	/**
	 * Mark the beginning of shutdown, if not marked already.
	 * @return {@code true} if this call marked it
	 */
	public boolean start() {
		return start(System.nanoTime());
	}

	/**
	 * Mark the beginning of shutdown at the given time, if not marked already.
	 * @param nanos when shutdown began, in {@link System#nanoTime()} terms
	 * @return {@code true} if this call marked it
	 */
	public boolean start(long nanos) {
		synchronized (this) {
			if (this.origin != null) {
				return false;
			}
			this.originNanos = nanos;
			this.origin = Instant.now().minusNanos(Math.max(0, System.nanoTime() - nanos));
		}
		changed();
		return true;
	}

	/**
	 * Whether shutdown has begun.
	 * @return {@code true} once {@link #start()} has been called
	 */
	public boolean isStarted() {
		return this.origin != null;
	}

	/**
	 * Return when shutdown began.
	 * @return the instant, or {@code null} if it has not begun
	 */
	public Instant getOrigin() {
		return this.origin;
	}

	/**
	 * Return the time since shutdown began.
	 * @return the milliseconds since the beginning, or 0 if it has not begun
	 */
	public long elapsedMillis() {
		return (this.origin != null) ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.originNanos) : 0;
	}

	/**
	 * Begin a phase now, starting the timeline if needed.
	 * @param name the name of the phase
	 */
	public void begin(String name) {
		start();
		synchronized (this) {
			if (this.phases.containsKey(name)) {
				return;
			}
			this.phases.put(name, new long[] { System.nanoTime(), -1 });
		}
		changed();
	}

	/**
	 * End a phase now. A phase that was not begun, or has ended already, is left as it is.
	 * @param name the name of the phase
	 */
	public void end(String name) {
		synchronized (this) {
			long[] phase = this.phases.get(name);
			if (phase == null || phase[1] >= 0) {
				return;
			}
			phase[1] = System.nanoTime();
		}
		changed();
	}

	/**
	 * Record a phase that has ended, such as the drain of one executor.
	 * @param name the name of the phase
	 * @param startNanos when it began, in {@link System#nanoTime()} terms
	 * @param endNanos when it ended, in {@link System#nanoTime()} terms
	 */
	public void record(String name, long startNanos, long endNanos) {
		start();
		synchronized (this) {
			this.phases.put(name, new long[] { Math.max(startNanos, this.originNanos), endNanos });
		}
		changed();
	}

	/**
	 * Return the phases so far, in the order they began.
	 * @return the phases
	 */
	public synchronized List<Phase> getPhases() {
		List<Phase> result = new ArrayList<>();
		this.phases.forEach((name, times) -> result.add(new Phase(name, millis(times[0] - this.originNanos),
				(times[1] >= 0) ? millis(times[1] - times[0]) : null)));
		result.sort((first, second) -> Long.compare(first.startMs(), second.startMs()));
		return result;
	}

	/**
	 * Return the phase under way: the latest begun that has not ended.
	 * @return the name of the phase, or {@code null} if none is under way
	 */
	public String getCurrentPhase() {
		List<Phase> phases = getPhases();
		for (int i = phases.size() - 1; i >= 0; i--) {
			if (phases.get(i).durationMs() == null) {
				return phases.get(i).name();
			}
		}
		return null;
	}

	/**
	 * Return the slowest phase that has ended. A group such as {@code drain} is left out when
	 * its parts ({@code drain:<executor>}) are known: the part names the culprit.
	 * @return the slowest phase, or {@code null} if none has ended
	 */
	public Phase getSlowest() {
		List<Phase> phases = getPhases();
		Phase slowest = null;
		for (Phase phase : phases) {
			if (phase.durationMs() == null || hasParts(phases, phase.name())) {
				continue;
			}
			if (slowest == null || phase.durationMs() > slowest.durationMs()) {
				slowest = phase;
			}
		}
		return slowest;
	}

	private static boolean hasParts(List<Phase> phases, String name) {
		return phases.stream().anyMatch((phase) -> phase.name().startsWith(name + ":"));
	}

	/**
	 * Add a listener told, on the thread that made it, of every change.
	 * @param listener the listener; it must not throw
	 */
	public void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

	private void changed() {
		this.listeners.forEach(Runnable::run);
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos));
	}

	/**
	 * One phase of shutdown.
	 *
	 * @param name the name, such as {@code preStop}, {@code web} or
	 * {@code drain:ingestExecutor}
	 * @param startMs milliseconds from the beginning of shutdown to the beginning of the
	 * phase
	 * @param durationMs how long it took, or {@code null} while it is under way
	 */
	public record Phase(String name, long startMs, Long durationMs) {

	}

}
