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
package io.github.quietshutdown.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.StatisticsListener;
import io.github.quietshutdown.record.SuppressionKey;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.TaskKey;

/**
 * Binds Quiet Shutdown's counts to a {@link MeterRegistry}. Every meter name is there from
 * startup, reading 0, so that dashboards and alert rules have a series before any shutdown:
 * suppression counters with {@code exception=none} for every source, and for every tracked
 * executor one task counter per outcome and its drain timer. Counters of an exception class
 * are registered when its first symptom is suppressed. Counters read the live counts, so
 * nothing is lost between a count and a publish.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietShutdownMetrics implements MeterBinder {

	/**
	 * Counter of suppressed shutdown symptoms.
	 */
	public static final String SUPPRESSED = "quiet.shutdown.suppressed";

	/**
	 * Counter of tasks by outcome.
	 */
	public static final String TASKS = "quiet.shutdown.tasks";

	/**
	 * Timer of executor drains.
	 */
	public static final String DRAIN = "quiet.shutdown.drain";

	/**
	 * Tag: where a symptom was caught.
	 */
	public static final String SOURCE = "source";

	/**
	 * Tag: simple class name of the suppressed exception.
	 */
	public static final String EXCEPTION = "exception";

	/**
	 * Value of the {@link #EXCEPTION} tag of the counters registered at startup, before
	 * any symptom: they stay at 0.
	 */
	public static final String NO_EXCEPTION = "none";

	/**
	 * Tag: executor bean name.
	 */
	public static final String EXECUTOR = "executor";

	/**
	 * Tag: task outcome.
	 */
	public static final String OUTCOME = "outcome";

	private final ShutdownStatistics statistics;

	/**
	 * Create a new binder.
	 * @param statistics the counts
	 */
	public QuietShutdownMetrics(ShutdownStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.statistics.addListener(new RegistryBinding(registry, this.statistics));
		for (SymptomSource source : SymptomSource.values()) {
			this.statistics.counter(source, NO_EXCEPTION);
		}
	}

	private static final class RegistryBinding implements StatisticsListener {

		private final MeterRegistry registry;

		private final ShutdownStatistics statistics;

		private final Map<String, Timer> drains = new ConcurrentHashMap<>();

		RegistryBinding(MeterRegistry registry, ShutdownStatistics statistics) {
			this.registry = registry;
			this.statistics = statistics;
		}

		@Override
		public void suppressionCounter(SuppressionKey key, LongAdder counter) {
			FunctionCounter.builder(SUPPRESSED, counter, LongAdder::sum)
				.description("Shutdown symptoms suppressed instead of logged")
				.baseUnit("exceptions")
				.tag(SOURCE, key.source().tagValue())
				.tag(EXCEPTION, key.exception())
				.register(this.registry);
		}

		@Override
		public void taskCounter(TaskKey key, LongAdder counter) {
			FunctionCounter.builder(TASKS, counter, LongAdder::sum)
				.description("Tasks by what became of them during shutdown")
				.baseUnit(BaseUnits.TASKS)
				.tag(EXECUTOR, key.executor())
				.tag(OUTCOME, key.outcome().tagValue())
				.register(this.registry);
			if (this.drains.containsKey(key.executor())) {
				return;
			}
			drainTimer(key.executor());
			// Every outcome of a tracked executor reads 0 from the start; new ones included.
			for (TaskOutcome outcome : TaskOutcome.values()) {
				this.statistics.tasks(key.executor(), outcome);
			}
		}

		@Override
		public void drainRecorded(String executor, Duration duration) {
			drainTimer(executor).record(duration);
		}

		private Timer drainTimer(String executor) {
			return this.drains.computeIfAbsent(executor, (name) -> Timer.builder(DRAIN)
				.description("Time taken to drain an executor at shutdown")
				.tag(EXECUTOR, name)
				.register(this.registry));
		}

	}

}
