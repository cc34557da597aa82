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
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.actuate.QuietShutdownEndpoint;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.report.ShutdownReporter;
import io.github.quietshutdown.report.ShutdownStatistics;

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
		return new QuietShutdownEndpoint(quietShutdownState, quietShutdownStatistics, symptomClassifier, properties,
				reporter.getIfAvailable());
	}

}
