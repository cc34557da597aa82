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

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.logging.LogLevel;

import io.github.quietshutdown.classify.SymptomCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QuietShutdownProperties}, its groups, {@link QuietShutdownPropertiesValidator}
 * and {@link SymptomCatalogueFactory}.
 */
class QuietShutdownPropertiesTests {

	@Test
	void defaults() {
		QuietShutdownProperties properties = bind(Map.of());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getGracePeriod()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getSuppression().getLevel()).isEqualTo(LogLevel.DEBUG);
		assertThat(properties.getSymptoms().getExtra()).isEmpty();
		assertThat(properties.getSymptoms().getExclude()).isEmpty();
		assertThat(properties.getExecutors().getExclude()).isEmpty();
		assertThat(properties.getIntercept()).returns(true, InterceptProperties::isScheduled)
			.returns(true, InterceptProperties::isAsync)
			.returns(true, InterceptProperties::isThreads)
			.returns(true, InterceptProperties::isLogging)
			.returns(true, InterceptProperties::isLabelDuringShutdown);
		assertThat(properties.getDrain()).returns(true, DrainProperties::isEnabled)
			.returns(Duration.ofSeconds(20), DrainProperties::getTimeout)
			.returns(Duration.ofSeconds(5), DrainProperties::getProgressInterval);
		assertThat(properties.getDrain().getExecutorTimeouts()).isEmpty();
		assertThat(properties.getWatchdog()).returns(true, WatchdogProperties::isEnabled)
			.returns(Duration.ofSeconds(2), WatchdogProperties::getDelay)
			.returns(null, WatchdogProperties::getHaltAfter);
		assertThat(properties.getMetrics().isDeferRegistryClose()).isTrue();
		assertThat(properties.getReport().isShowMessages()).isFalse();
		assertThat(properties.getReport().getFile().isEnabled()).isTrue();
		assertThat(properties.getReport().getFile().getLocation()).isNull();
		assertThat(properties.getPreStop().getDelay()).isZero();
	}

	@Test
	void everyPropertyBinds() {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("quiet-shutdown.enabled", "false");
		source.put("quiet-shutdown.grace-period", "60s");
		source.put("quiet-shutdown.suppression.level", "info");
		source.put("quiet-shutdown.symptoms.extra[0].id", "custom");
		source.put("quiet-shutdown.symptoms.extra[0].type", "java.sql.SQLException");
		source.put("quiet-shutdown.symptoms.extra[0].message", "closed");
		source.put("quiet-shutdown.symptoms.extra[1].logger", "org.example");
		source.put("quiet-shutdown.symptoms.extra[1].message", "stopped");
		source.put("quiet-shutdown.symptoms.exclude", "kafka.*");
		source.put("quiet-shutdown.executors.exclude", "worker");
		source.put("quiet-shutdown.intercept.scheduled", "false");
		source.put("quiet-shutdown.intercept.async", "false");
		source.put("quiet-shutdown.intercept.threads", "false");
		source.put("quiet-shutdown.intercept.logging", "false");
		source.put("quiet-shutdown.intercept.label-during-shutdown", "false");
		source.put("quiet-shutdown.drain.enabled", "false");
		source.put("quiet-shutdown.drain.timeout", "7s");
		source.put("quiet-shutdown.drain.executor-timeouts.worker", "3s");
		source.put("quiet-shutdown.drain.progress-interval", "1s");
		source.put("quiet-shutdown.watchdog.enabled", "false");
		source.put("quiet-shutdown.watchdog.delay", "1s");
		source.put("quiet-shutdown.watchdog.halt-after", "9s");
		source.put("quiet-shutdown.metrics.defer-registry-close", "false");
		source.put("quiet-shutdown.report.show-messages", "true");
		source.put("quiet-shutdown.report.file.enabled", "false");
		source.put("quiet-shutdown.report.file.location", "/tmp/report.json");
		source.put("quiet-shutdown.pre-stop.delay", "5s");
		QuietShutdownProperties properties = bind(source);
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getGracePeriod()).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.getSuppression().getLevel()).isEqualTo(LogLevel.INFO);
		assertThat(properties.getSymptoms().getExtra()).hasSize(2);
		assertThat(properties.getSymptoms().getExtra().get(1).getLogger()).isEqualTo("org.example");
		assertThat(properties.getSymptoms().getExclude()).containsExactly("kafka.*");
		assertThat(properties.getExecutors().getExclude()).containsExactly("worker");
		assertThat(properties.getIntercept()).returns(false, InterceptProperties::isScheduled)
			.returns(false, InterceptProperties::isAsync)
			.returns(false, InterceptProperties::isThreads)
			.returns(false, InterceptProperties::isLogging)
			.returns(false, InterceptProperties::isLabelDuringShutdown);
		assertThat(properties.getDrain()).returns(false, DrainProperties::isEnabled)
			.returns(Duration.ofSeconds(1), DrainProperties::getProgressInterval);
		assertThat(properties.getDrain().getTimeout("worker")).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getDrain().getTimeout("other")).isEqualTo(Duration.ofSeconds(7));
		assertThat(properties.getWatchdog()).returns(false, WatchdogProperties::isEnabled)
			.returns(Duration.ofSeconds(1), WatchdogProperties::getDelay)
			.returns(Duration.ofSeconds(9), WatchdogProperties::getHaltAfter);
		assertThat(properties.getMetrics().isDeferRegistryClose()).isFalse();
		assertThat(properties.getReport().isShowMessages()).isTrue();
		assertThat(properties.getReport().getFile().isEnabled()).isFalse();
		assertThat(properties.getReport().getFile().getLocation()).isEqualTo(Path.of("/tmp/report.json"));
		assertThat(properties.getPreStop().getDelay()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void invalidValueFailsBinding() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("quiet-shutdown.drain.progress-interval", "0s")))
			.havingRootCause()
			.withMessageContaining("drain.progress-interval");
	}

	@Test
	void catalogueIsTheShippedOneLessExcludedPlusExtra() {
		QuietShutdownProperties properties = bind(Map.of("quiet-shutdown.symptoms.exclude", "hikari.*",
				"quiet-shutdown.symptoms.extra[0].type", "java.sql.SQLException",
				"quiet-shutdown.symptoms.extra[0].message", "closed", "quiet-shutdown.symptoms.extra[1].id", " named ",
				"quiet-shutdown.symptoms.extra[1].logger", "org.example", "quiet-shutdown.symptoms.extra[1].message",
				"stopped"));
		SymptomCatalogue catalogue = SymptomCatalogueFactory.create(properties.getSymptoms());
		assertThat(catalogue.getSignatures()).noneMatch((signature) -> signature.getId().startsWith("hikari."));
		assertThat(catalogue.get("extra.0")).isNotNull();
		assertThat(catalogue.get("named")).isNotNull();
	}

	private static QuietShutdownProperties bind(Map<String, String> source) {
		QuietShutdownProperties properties = new QuietShutdownProperties();
		new Binder(new MapConfigurationPropertySource(source)).bind("quiet-shutdown", Bindable.ofInstance(properties),
				new ValidationBindHandler(properties));
		return properties;
	}

}
