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

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.quietshutdown.report.ShutdownReporter;

/**
 * Binds the gauge {@value #PREVIOUS_INCOMPLETE}: 1 if the previous run began to shut down
 * and was killed before it completed, 0 otherwise. Registered at startup, so that a
 * pull-based registry, which never sees a dying process, can alert on it.
 *
 * @author Quiet Shutdown authors
 */
public final class PreviousShutdownMetrics implements MeterBinder {

	/**
	 * Gauge: whether the previous shutdown did not complete.
	 */
	public static final String PREVIOUS_INCOMPLETE = "quiet.shutdown.previous.incomplete";

	private final ShutdownReporter reporter;

	/**
	 * Create a new binder.
	 * @param reporter the reporter, which read the previous report at start
	 */
	public PreviousShutdownMetrics(ShutdownReporter reporter) {
		this.reporter = reporter;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(PREVIOUS_INCOMPLETE, this.reporter, (reporter) -> reporter.isPreviousIncomplete() ? 1 : 0)
			.description("Whether the previous run was killed before its shutdown completed (1) or not (0)")
			.baseUnit("shutdowns")
			.strongReference(true)
			.register(registry);
	}

}
