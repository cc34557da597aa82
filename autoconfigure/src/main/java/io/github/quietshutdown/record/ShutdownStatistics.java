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
package io.github.quietshutdown.record;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.classify.Symptom;

/**
 * The one recorder every road and the drain write to: symptoms suppressed by source and
 * exception, tasks by executor and outcome, the books, the tasks not done and the drain
 * times. Readers (meters, the endpoint, the report) take snapshots; counts only grow.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownStatistics {

	/**
	 * Maximum number of suppressed symptoms kept as samples.
	 */
	public static final int MAX_SAMPLES = 20;

	/**
	 * Maximum number of tasks not done that are kept by name for the report.
	 */
	public static final int MAX_LOST_TASKS = 100;

	private final Counters<SuppressionKey> suppressed = new Counters<>(
			(key, counter) -> this.listeners.forEach((listener) -> listener.suppressionCounter(key, counter)));

	private final Counters<TaskKey> tasks = new Counters<>(
			(key, counter) -> this.listeners.forEach((listener) -> listener.taskCounter(key, counter)));

	private final ConcurrentMap<String, Duration> drains = new ConcurrentHashMap<>();

	private final List<StatisticsListener> listeners = new CopyOnWriteArrayList<>();

	private final List<SymptomSample> samples = new CopyOnWriteArrayList<>();

	private final List<LostTask> lost = new CopyOnWriteArrayList<>();

	private final ConcurrentMap<String, LongSupplier> accepted = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, LongSupplier> running = new ConcurrentHashMap<>();

	// Identity of throwables already counted: Throwable keeps Object's equals and hashCode.
	private final Set<Throwable> counted = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/**
	 * Count a suppressed symptom once per throwable instance, and keep the first ones as
	 * samples.
	 * @param source where it was caught
	 * @param origin what raised it, such as the executor bean name
	 * @param symptom the symptom
	 * @param throwable the throwable that was suppressed
	 * @return {@code true} if it was counted, {@code false} if this throwable was counted
	 * already on another road
	 */
	public boolean recordSuppressed(SymptomSource source, String origin, Symptom symptom, Throwable throwable) {
		if (!this.counted.add(throwable)) {
			return false;
		}
		counter(source, symptom.exceptionName()).increment();
		if (this.samples.size() < MAX_SAMPLES) {
			this.samples.add(new SymptomSample(source.tagValue(), origin, symptom.signature().getId(),
					symptom.cause().getClass().getName(), String.valueOf(symptom.cause().getMessage())));
		}
		return true;
	}

	/**
	 * Return the first suppressed symptoms, at most {@value #MAX_SAMPLES}.
	 * @return the samples
	 */
	public List<SymptomSample> getSamples() {
		return List.copyOf(this.samples);
	}

	/**
	 * Add a listener told of every new counter and drain. Counters that exist already are
	 * announced to it at once.
	 * @param listener the listener
	 */
	public void addListener(StatisticsListener listener) {
		this.listeners.add(listener);
		this.suppressed.forEach(listener::suppressionCounter);
		this.tasks.forEach(listener::taskCounter);
	}

	/**
	 * Return the counter for a source and exception, creating it at zero if needed, so that
	 * meters can be bound to it up front.
	 * @param source the source
	 * @param exception the simple class name of the exception
	 * @return the live counter
	 */
	public LongAdder counter(SymptomSource source, String exception) {
		return this.suppressed.get(new SuppressionKey(source, exception));
	}

	/**
	 * Return the total number of suppressed symptoms.
	 * @return the total
	 */
	public long getSuppressedTotal() {
		return this.suppressed.sum((key) -> true);
	}

	/**
	 * Return the number of suppressed symptoms caught on one road.
	 * @param source the source
	 * @return the count
	 */
	public long getSuppressed(SymptomSource source) {
		return this.suppressed.sum((key) -> key.source() == source);
	}

	/**
	 * Return a snapshot of the non-zero suppression counts, sorted by source and exception.
	 * @return the counts
	 */
	public Map<SuppressionKey, Long> getSuppressed() {
		return this.suppressed.snapshot(false);
	}

	/**
	 * Return the counter of task outcomes for an executor, creating it at zero if needed.
	 * @param executor the executor bean name
	 * @param outcome the outcome
	 * @return the live counter
	 */
	public LongAdder tasks(String executor, TaskOutcome outcome) {
		return this.tasks.get(new TaskKey(executor, outcome));
	}

	/**
	 * Return the number of tasks with the given outcome, over all executors.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long getTasks(TaskOutcome outcome) {
		return this.tasks.sum((key) -> key.outcome() == outcome);
	}

	/**
	 * Return a snapshot of the task counts, sorted by executor and outcome.
	 * @return the counts
	 */
	public Map<TaskKey, Long> getTasks() {
		return this.tasks.snapshot(true);
	}

	/**
	 * Register where the books of an executor read the tasks it accepted during shutdown
	 * (pending when shutdown began, or accepted since) and the tasks still running.
	 * @param executor the executor bean name
	 * @param accepted the tasks in the books
	 * @param running the tasks still pending
	 */
	public void registerBooks(String executor, LongSupplier accepted, LongSupplier running) {
		this.accepted.put(executor, accepted);
		this.running.put(executor, running);
	}

	/**
	 * Return the tasks each executor accepted during shutdown, by executor bean name.
	 * @return the accepted counts
	 */
	public Map<String, Long> getAccepted() {
		return read(this.accepted);
	}

	/**
	 * Return the tasks of each executor still pending, by executor bean name.
	 * @return the running counts
	 */
	public Map<String, Long> getRunning() {
		return read(this.running);
	}

	private static Map<String, Long> read(Map<String, LongSupplier> counts) {
		Map<String, Long> snapshot = new TreeMap<>();
		counts.forEach((executor, count) -> snapshot.put(executor, count.getAsLong()));
		return snapshot;
	}

	/**
	 * Keep a task that was accepted and not done (failed or abandoned) for the report, up
	 * to {@value #MAX_LOST_TASKS} of them.
	 * @param task the task
	 */
	public void recordLost(LostTask task) {
		if (this.lost.size() < MAX_LOST_TASKS) {
			this.lost.add(task);
		}
	}

	/**
	 * Return the tasks kept by {@link #recordLost}.
	 * @return the tasks, in the order they were reported
	 */
	public List<LostTask> getLost() {
		return List.copyOf(this.lost);
	}

	/**
	 * Record how long the drain of an executor took.
	 * @param executor the executor bean name
	 * @param duration the drain duration
	 */
	public void recordDrain(String executor, Duration duration) {
		this.drains.put(executor, duration);
		this.listeners.forEach((listener) -> listener.drainRecorded(executor, duration));
	}

	/**
	 * Return how long the drain of each executor took, by executor bean name.
	 * @return the drain durations
	 */
	public Map<String, Duration> getDrains() {
		return new TreeMap<>(this.drains);
	}

}
