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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.metrics.DeferredRegistryClosePostProcessor;
import io.github.quietshutdown.metrics.PreviousShutdownMetrics;
import io.github.quietshutdown.metrics.QuietShutdownMetrics;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.report.ShutdownReporter;

/**
 * Auto-configuration of Quiet Shutdown's meters. The metrics auto-configuration moved
 * between Spring Boot 3.5 and 4, so it is named in both places.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = { QuietShutdownAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class },
		afterName = { "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public final class QuietShutdownMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
	QuietShutdownMetrics quietShutdownMetrics(ShutdownStatistics quietShutdownStatistics) {
		return new QuietShutdownMetrics(quietShutdownStatistics);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(type = { "io.micrometer.core.instrument.MeterRegistry",
			"io.github.quietshutdown.report.ShutdownReporter" })
	PreviousShutdownMetrics quietShutdownPreviousShutdownMetrics(ShutdownReporter quietShutdownReporter) {
		return new PreviousShutdownMetrics(quietShutdownReporter);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.metrics.defer-registry-close", matchIfMissing = true)
	static DeferredRegistryClosePostProcessor quietShutdownDeferredRegistryClosePostProcessor(
			ObjectProvider<ShutdownState> state) {
		return new DeferredRegistryClosePostProcessor(state);
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownMetricsLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(QuietShutdownMetrics.class);
	}

}
