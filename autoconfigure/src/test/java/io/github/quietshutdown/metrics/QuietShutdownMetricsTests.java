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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeCounter;
import io.micrometer.core.instrument.cumulative.CumulativeDistributionSummary;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.internal.DefaultMeter;
import io.micrometer.core.instrument.push.PushMeterRegistry;
import io.micrometer.core.instrument.push.PushRegistryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownMetricsAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuietShutdownMetrics} and {@link DeferredRegistryClosePostProcessor},
 * with real registries.
 */
class QuietShutdownMetricsTests {

	private static final int SYMPTOMS = 7;

	private static final int WRITES = 13;

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(NoisyShutdown.metricsAutoConfiguration())
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class,
					QuietShutdownReportAutoConfiguration.class, QuietShutdownMetricsAutoConfiguration.class))
			.withPropertyValues("quiet-shutdown.report.file.location=" + this.temp.resolve("report.json"))
			.withUserConfiguration(NoisyShutdown.class);
	}

	@Test
	void metersHaveNamesTagsDescriptionsAndUnitsAndCountANoisyClose() {
		runner().withUserConfiguration(SimpleRegistry.class).run((context) -> {
			SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
			NoisyShutdown workload = context.getBean(NoisyShutdown.class);
			FunctionCounter completed = registry.get("quiet.shutdown.tasks").tags("executor", "workers", "outcome", "completed").functionCounter();
			assertThat(completed.getId().getDescription()).isEqualTo("Tasks by what became of them during shutdown");
			assertThat(completed.getId().getBaseUnit()).isEqualTo("tasks");
			assertThat(registry.get("quiet.shutdown.tasks").tags("executor", "workers", "outcome", "abandoned").functionCounter().count()).isZero();
			assertThat(registry.get("quiet.shutdown.tasks").tags("executor", "workers", "outcome", "rejected").functionCounter().count()).isZero();
			Timer drain = registry.get("quiet.shutdown.drain").tag("executor", "workers").timer();
			assertThat(drain.getId().getDescription()).isEqualTo("Time taken to drain an executor at shutdown");
			assertThat(drain.count()).isZero();
			workload.queue(SYMPTOMS, WRITES);
			context.close();
			// Tasks that failed with a suppressed symptom did not do their work.
			assertThat(completed.count()).isEqualTo(WRITES);
			assertThat(registry.get("quiet.shutdown.tasks").tags("executor", "workers", "outcome", "failed").functionCounter().count()).isEqualTo(SYMPTOMS);
			assertThat(drain.count()).isEqualTo(1);
			FunctionCounter suppressed = registry.get("quiet.shutdown.suppressed").tags("source", "executor", "exception", "SQLException").functionCounter();
			assertThat(suppressed.count()).isEqualTo(SYMPTOMS);
			assertThat(suppressed.getId().getDescription()).isEqualTo("Shutdown symptoms suppressed instead of logged");
			assertThat(suppressed.getId().getBaseUnit()).isEqualTo("exceptions");
		});
	}

	@Test
	void prometheusScrapeShowsTheMetersBeforeClose() {
		runner().withUserConfiguration(PrometheusRegistry.class).run((context) -> {
			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(scrape).contains("# HELP quiet_shutdown_tasks_total Tasks by what became of them during shutdown")
				.contains("quiet_shutdown_tasks_total{executor=\"workers\",outcome=\"abandoned\"} 0")
				.contains("quiet_shutdown_tasks_total{executor=\"workers\",outcome=\"completed\"} 0")
				.contains("quiet_shutdown_drain_seconds_count{executor=\"workers\"} 0");
		});
	}

	@Test
	void finalPushPublishCarriesTheShutdownCounts() {
		runner().withUserConfiguration(PushRegistry.class).run((context) -> {
			RecordingPushRegistry registry = context.getBean(RecordingPushRegistry.class);
			context.getBean(NoisyShutdown.class).queue(SYMPTOMS, WRITES);
			context.close();
			Publish last = registry.lastPublish();
			assertThat(last.suppressed()).isEqualTo(SYMPTOMS);
			assertThat(last.completed()).isEqualTo(WRITES);
		});
	}

	@Test
	void withoutDeferralFinalPushPublishHappensBeforeTheDrain() {
		runner().withUserConfiguration(PushRegistry.class)
			.withPropertyValues("quiet-shutdown.metrics.defer-registry-close=false")
			.run((context) -> {
				RecordingPushRegistry registry = context.getBean(RecordingPushRegistry.class);
				NoisyShutdown workload = context.getBean(NoisyShutdown.class);
				workload.queue(SYMPTOMS, WRITES);
				context.close();
				assertThat(workload.completed).hasValue(SYMPTOMS + WRITES);
				Publish last = registry.lastPublish();
				assertThat(last.suppressed()).isZero();
				assertThat(last.completed()).isZero();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class SimpleRegistry {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrometheusRegistry {

		@Bean
		PrometheusMeterRegistry prometheusMeterRegistry() {
			return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PushRegistry {

		@Bean
		RecordingPushRegistry recordingPushRegistry() {
			return new RecordingPushRegistry();
		}

	}

	record Publish(double suppressed, double completed) {

	}

	/**
	 * A push registry whose publish records what it would send.
	 */
	static class RecordingPushRegistry extends PushMeterRegistry {

		private final List<Publish> publishes = new ArrayList<>();

		private final AtomicReference<Publish> last = new AtomicReference<>();

		RecordingPushRegistry() {
			super(new PushRegistryConfig() {
				@Override
				public String prefix() {
					return "recording";
				}

				@Override
				public String get(String key) {
					return null;
				}

				@Override
				public java.time.Duration step() {
					return java.time.Duration.ofHours(1);
				}
			}, Clock.SYSTEM);
			start(new org.springframework.scheduling.concurrent.CustomizableThreadFactory("recording-push-"));
		}

		@Override
		protected void publish() {
			Publish publish = new Publish(sum("quiet.shutdown.suppressed", null), sum("quiet.shutdown.tasks", "completed"));
			synchronized (this.publishes) {
				this.publishes.add(publish);
			}
			this.last.set(publish);
		}

		private double sum(String name, String outcome) {
			return getMeters().stream()
				.filter((meter) -> meter.getId().getName().equals(name))
				.filter((meter) -> outcome == null || outcome.equals(meter.getId().getTag("outcome")))
				.mapToDouble((meter) -> ((FunctionCounter) meter).count())
				.sum();
		}

		Publish lastPublish() {
			return this.last.get();
		}

		@Override
		protected TimeUnit getBaseTimeUnit() {
			return TimeUnit.SECONDS;
		}

		@Override
		protected <T> Gauge newGauge(Meter.Id id, T obj, java.util.function.ToDoubleFunction<T> valueFunction) {
			return new DefaultGauge<>(id, obj, valueFunction);
		}

		@Override
		protected Counter newCounter(Meter.Id id) {
			return new CumulativeCounter(id);
		}

		@Override
		protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
			return new CumulativeTimer(id, this.clock, config, pauseDetector, getBaseTimeUnit(), false);
		}

		@Override
		protected DistributionSummary newDistributionSummary(Meter.Id id, DistributionStatisticConfig config, double scale) {
			return new CumulativeDistributionSummary(id, this.clock, config, scale, false);
		}

		@Override
		protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
			return new DefaultMeter(id, type, measurements);
		}

		@Override
		protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, java.util.function.ToLongFunction<T> countFunction,
				java.util.function.ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
			return new CumulativeFunctionTimer<>(id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit,
					getBaseTimeUnit());
		}

		@Override
		protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, java.util.function.ToDoubleFunction<T> countFunction) {
			return new CumulativeFunctionCounter<>(id, obj, countFunction);
		}

		@Override
		protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig config) {
			return new DefaultLongTaskTimer(id, this.clock, getBaseTimeUnit(), config, false);
		}

		@Override
		protected DistributionStatisticConfig defaultHistogramConfig() {
			return DistributionStatisticConfig.DEFAULT;
		}

	}

}
