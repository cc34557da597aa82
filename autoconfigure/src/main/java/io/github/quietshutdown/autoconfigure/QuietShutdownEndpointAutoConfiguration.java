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

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.actuate.QuietShutdownEndpoint;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.report.ShutdownReporter;

/**
 * Auto-configuration of the {@code quietshutdown} actuator endpoint.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = { QuietShutdownAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
public final class QuietShutdownEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	QuietShutdownEndpoint quietShutdownEndpoint(ShutdownState quietShutdownState,
			ShutdownStatistics quietShutdownStatistics, SymptomClassifier symptomClassifier,
			QuietShutdownProperties properties, ObjectProvider<ShutdownReporter> reporter) {
		return new QuietShutdownEndpoint(quietShutdownState, quietShutdownStatistics, symptomClassifier,
				properties.getReport().isShowMessages(), configuration(properties), reporter.getIfAvailable());
	}

	private static Map<String, Object> configuration(QuietShutdownProperties properties) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("suppressionLevel", properties.getSuppression().getLevel().name());
		configuration.put("drainEnabled", properties.getDrain().isEnabled());
		configuration.put("drainTimeoutMs", properties.getDrain().getTimeout().toMillis());
		Map<String, Long> executorTimeouts = new LinkedHashMap<>();
		properties.getDrain().getExecutorTimeouts().forEach((name, timeout) -> executorTimeouts.put(name, timeout.toMillis()));
		configuration.put("executorTimeoutsMs", executorTimeouts);
		configuration.put("gracePeriodMs", properties.getGracePeriod().toMillis());
		configuration.put("preStopDelayMs", properties.getPreStop().getDelay().toMillis());
		configuration.put("deferRegistryClose", properties.getMetrics().isDeferRegistryClose());
		return configuration;
	}

}
