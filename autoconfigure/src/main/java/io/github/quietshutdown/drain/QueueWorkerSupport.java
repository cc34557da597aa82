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
package io.github.quietshutdown.drain;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * What every {@link QueueWorker} of a context shares: one bean, so that a worker declared
 * by the application finds the starter's collaborators and its configured timeout in one
 * place.
 *
 * @param state the shutdown state
 * @param statistics where outcomes are counted
 * @param reporter where items not processed are reported
 * @param suppressor the suppressor of symptoms, or {@code null}
 * @param budget the shutdown budget, or {@code null}
 * @param timeouts the drain timeout of a worker, by bean name
 * @author Quiet Shutdown authors
 */
public record QueueWorkerSupport(ShutdownState state, ShutdownStatistics statistics, AbandonedTaskReporter reporter,
		SymptomSuppressor suppressor, ShutdownBudget budget, Function<String, Duration> timeouts) {

	/**
	 * What a worker uses when the starter is switched off: it still drains, for the default
	 * drain timeout, and still names what it leaves in the log.
	 * @param timeout the drain timeout
	 * @return the standalone support
	 */
	static QueueWorkerSupport standalone(Duration timeout) {
		ShutdownStatistics statistics = new ShutdownStatistics();
		return new QueueWorkerSupport(new ShutdownState(), statistics, new AbandonedTaskReporter(statistics, List::of),
				null, null, (name) -> timeout);
	}

}
