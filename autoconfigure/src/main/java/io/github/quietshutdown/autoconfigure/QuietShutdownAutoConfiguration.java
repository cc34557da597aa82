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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.ClosedPhaseRegistrar;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownStateListener;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Core auto-configuration of Quiet Shutdown: the shutdown state, the symptom classifier, the
 * suppressor every interception road uses, and the registry of tracked executors.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QuietShutdownProperties.class)
@ImportRuntimeHints(QuietShutdownRuntimeHints.class)
public final class QuietShutdownAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShutdownState quietShutdownState() {
		return new ShutdownState();
	}

	@Bean
	ShutdownStateListener quietShutdownStateListener(ShutdownState quietShutdownState) {
		return new ShutdownStateListener(quietShutdownState);
	}

	@Bean
	static ClosedPhaseRegistrar quietShutdownClosedPhaseRegistrar() {
		return new ClosedPhaseRegistrar();
	}

	@Bean
	@ConditionalOnMissingBean
	ShutdownStatistics quietShutdownStatistics() {
		return new ShutdownStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	AbandonedTaskReporter abandonedTaskReporter(ShutdownState quietShutdownState,
			ShutdownStatistics quietShutdownStatistics, ObjectProvider<AbandonedTaskHandler> handlers) {
		AbandonedTaskReporter reporter = new AbandonedTaskReporter(quietShutdownStatistics,
				() -> handlers.orderedStream().toList());
		quietShutdownState.onPhase(ShutdownPhase.CLOSING, reporter::prepare);
		return reporter;
	}

	@Bean
	@ConditionalOnMissingBean
	TrackedExecutors quietShutdownTrackedExecutors(ShutdownState quietShutdownState,
			ShutdownStatistics quietShutdownStatistics, AbandonedTaskReporter abandonedTaskReporter) {
		return new TrackedExecutors(quietShutdownState, quietShutdownStatistics, abandonedTaskReporter);
	}

	@Bean
	@ConditionalOnMissingBean
	SymptomClassifier symptomClassifier(ShutdownState quietShutdownState, QuietShutdownProperties properties) {
		return new SymptomClassifier(quietShutdownState, SymptomCatalogueFactory.create(properties.getSymptoms()));
	}

	@Bean
	@ConditionalOnMissingBean
	SymptomSuppressor symptomSuppressor(SymptomClassifier symptomClassifier, ShutdownStatistics quietShutdownStatistics,
			QuietShutdownProperties properties) {
		return new SymptomSuppressor(symptomClassifier, quietShutdownStatistics, properties.getSuppression().getLevel());
	}

	// Each of these acts at shutdown without anyone asking for it.
	@Bean
	static LazyInitializationExcludeFilter quietShutdownLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(ShutdownState.class, ShutdownStateListener.class,
				ShutdownStatistics.class, AbandonedTaskReporter.class, TrackedExecutors.class, SymptomClassifier.class,
				SymptomSuppressor.class);
	}

}
