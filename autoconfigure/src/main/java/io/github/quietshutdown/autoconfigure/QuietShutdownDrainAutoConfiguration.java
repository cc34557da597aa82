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

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.quietshutdown.ClosedPhaseRegistrar;
import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.drain.ExecutorDrain;
import io.github.quietshutdown.drain.LingeringThreadWatchdog;
import io.github.quietshutdown.drain.QueueWorkerSupport;
import io.github.quietshutdown.lifecycle.BudgetedTimeouts;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Auto-configuration that drains executors before resources close and, once the context
 * has closed, reports the threads that linger.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = QuietShutdownAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
public final class QuietShutdownDrainAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.drain.enabled", matchIfMissing = true)
	ExecutorDrain quietShutdownExecutorDrain(TrackedExecutors quietShutdownTrackedExecutors,
			QuietShutdownProperties properties, ShutdownState quietShutdownState,
			ShutdownStatistics quietShutdownStatistics, ObjectProvider<ShutdownBudget> budget) {
		Function<String, Duration> timeouts = properties.getDrain()::getTimeout;
		ShutdownBudget shutdownBudget = budget.getIfAvailable();
		return new ExecutorDrain(quietShutdownTrackedExecutors,
				(shutdownBudget != null) ? new BudgetedTimeouts(timeouts, shutdownBudget) : timeouts, quietShutdownState,
				quietShutdownStatistics, properties.getDrain().getProgressInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	QueueWorkerSupport quietShutdownQueueWorkerSupport(ShutdownState quietShutdownState,
			ShutdownStatistics quietShutdownStatistics, AbandonedTaskReporter abandonedTaskReporter,
			ObjectProvider<SymptomSuppressor> suppressor, ObjectProvider<ShutdownBudget> budget,
			QuietShutdownProperties properties) {
		return new QueueWorkerSupport(quietShutdownState, quietShutdownStatistics, abandonedTaskReporter,
				suppressor.getIfAvailable(), budget.getIfAvailable(), properties.getDrain()::getTimeout);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.watchdog.enabled", matchIfMissing = true)
	LingeringThreadWatchdog quietShutdownLingeringThreadWatchdog(ShutdownState quietShutdownState,
			QuietShutdownProperties properties, BeanFactory beanFactory) {
		return new LingeringThreadWatchdog(quietShutdownState, startupThreads(beanFactory),
				properties.getWatchdog().getDelay(), properties.getWatchdog().getHaltAfter());
	}

	@SuppressWarnings("unchecked")
	private static Set<Long> startupThreads(BeanFactory beanFactory) {
		return beanFactory.containsBean(ClosedPhaseRegistrar.STARTUP_THREADS_NAME)
				? (Set<Long>) beanFactory.getBean(ClosedPhaseRegistrar.STARTUP_THREADS_NAME) : Set.of();
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownDrainLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(ExecutorDrain.class, LingeringThreadWatchdog.class);
	}

}
