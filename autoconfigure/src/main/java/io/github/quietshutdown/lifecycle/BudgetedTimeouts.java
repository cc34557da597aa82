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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.quietshutdown.ShutdownBudget;

/**
 * Drain timeouts cut to what is left of the {@link ShutdownBudget}. Once shutdown has
 * begun, the timeout of each executor is fixed the first time it is asked for (when its
 * drain starts), so that the drain deadline and what is reported about it agree.
 *
 * @author Quiet Shutdown authors
 */
public final class BudgetedTimeouts implements Function<String, Duration> {

	private static final Log logger = LogFactory.getLog(BudgetedTimeouts.class);

	private final Function<String, Duration> timeouts;

	private final ShutdownBudget budget;

	private final Map<String, Duration> fixed = new ConcurrentHashMap<>();

	/**
	 * Create new timeouts.
	 * @param timeouts the configured timeout of each executor, by bean name
	 * @param budget the budget
	 */
	public BudgetedTimeouts(Function<String, Duration> timeouts, ShutdownBudget budget) {
		this.timeouts = timeouts;
		this.budget = budget;
	}

	@Override
	public Duration apply(String executor) {
		if (!this.budget.isStarted()) {
			return this.timeouts.apply(executor);
		}
		return this.fixed.computeIfAbsent(executor, (name) -> {
			Duration configured = this.timeouts.apply(name);
			Duration capped = this.budget.cap(configured);
			if (capped.compareTo(configured) < 0) {
				logger.info("Drain of '" + name + "' limited to " + capped.toMillis() + " ms (of " + configured.toMillis()
						+ " ms) by quiet-shutdown.grace-period=" + this.budget.getGracePeriod().toMillis() + "ms");
			}
			return capped;
		});
	}

}
