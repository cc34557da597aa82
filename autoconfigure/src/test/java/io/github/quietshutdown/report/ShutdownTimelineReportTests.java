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
package io.github.quietshutdown.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.quietshutdown.actuate.QuietShutdownEndpoint;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownEndpointAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownMetricsAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownTimelineAutoConfiguration;
import io.github.quietshutdown.drain.QueueWorker;
import io.github.quietshutdown.metrics.PreviousShutdownMetrics;
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the timeline in the report and the summary line, for a shutdown killed half-way
 * as the next start sees it, and for the budget that cuts a drain short.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownTimelineReportTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner(Path report) {
		return new ApplicationContextRunner().withConfiguration(NoisyShutdown.metricsAutoConfiguration())
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownExecutorAutoConfiguration.class, QuietShutdownTimelineAutoConfiguration.class,
					QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class,
					QuietShutdownMetricsAutoConfiguration.class, QuietShutdownEndpointAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("quiet-shutdown.report.file.location=" + report,
					"management.endpoints.web.exposure.include=quietshutdown");
	}

	@Test
	void reportAndSummaryCarryTheTimelineAndTheSlowestPhase(CapturedOutput output) {
		Path report = this.temp.resolve("timeline.json");
		runner(report).withUserConfiguration(NoisyShutdown.class).run((context) -> {
			context.getBean(NoisyShutdown.class).queue(0, 4);
			context.close();
		});
		String summary = output.toString().lines().filter((line) -> line.contains("Shutdown complete:")).findFirst().orElseThrow();
		assertThat(summary).containsPattern(" top=none slowest=[a-z:A-Z]+:\\d+\\.\\ds$");
		Map<String, Object> written = new ShutdownReportFile(report).read();
		assertThat(written).containsEntry("completed", true).containsEntry("currentPhase", null);
		List<String> phases = phaseNames(written);
		assertThat(phases).containsSubsequence("drain", "drain:workers", "destroy");
		@SuppressWarnings("unchecked")
		Map<String, Object> slowest = (Map<String, Object>) written.get("slowest");
		assertThat(summary).endsWith("slowest=" + slowest.get("phase") + ":"
				+ String.format(java.util.Locale.ROOT, "%.1fs", ((Number) slowest.get("durationMs")).longValue() / 1000.0));
	}

	@Test
	void killedShutdownIsReportedOnceAtTheNextStartAndTheGaugeReadsOneUntilACleanRun(CapturedOutput output)
			throws Exception {
		Path report = this.temp.resolve("killed.json");
		Map<String, Object> killed = new LinkedHashMap<>();
		killed.put("completed", false);
		killed.put("phase", "CLOSING");
		killed.put("elapsedMs", 4123);
		killed.put("currentPhase", "drain");
		new ShutdownReportFile(report).write(killed);
		runner(report).run((context) -> {
			assertThat(gauge(context.getBean(MeterRegistry.class))).isEqualTo(1.0);
			Map<?, ?> previous = (Map<?, ?>) context.getBean(QuietShutdownEndpoint.class)
				.quietShutdown()
				.get("previousShutdown");
			assertThat(previous.get("completed")).isEqualTo(false);
			assertThat(previous.get("currentPhase")).isEqualTo("drain");
		});
		assertThat(output.toString().lines().filter((line) -> line.contains("did not complete")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(" WARN ")
			.contains("Previous shutdown did not complete: killed 4123 ms after SIGTERM, in phase drain");
		assertThat(new ShutdownReportFile(report).read()).containsEntry("completed", true);
		runner(report).run((context) -> assertThat(gauge(context.getBean(MeterRegistry.class))).isZero());
		assertThat(output.toString().lines().filter((line) -> line.contains("did not complete"))).hasSize(1);
	}

	@Test
	void reportIsWrittenAsShutdownBeginsWithCompletedFalse() {
		Path report = this.temp.resolve("begun.json");
		runner(report).withUserConfiguration(NoisyShutdown.class).run((context) -> {
			ShutdownReportFile file = new ShutdownReportFile(report);
			List<Map<String, Object>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
			context.getBean(io.github.quietshutdown.ShutdownTimeline.class).addListener(() -> seen.add(file.read()));
			context.close();
			assertThat(seen).isNotEmpty();
			assertThat(seen.get(0)).containsEntry("completed", false).containsEntry("currentPhase", "closing");
			assertThat(seen).anySatisfy((written) -> assertThat(written).containsEntry("currentPhase", "drain"));
			assertThat(file.read()).containsEntry("completed", true);
		});
	}

	@Test
	void drainLongerThanTheBudgetGivesUpEarlyAndTheReportIsStillWritten(CapturedOutput output) {
		Path report = this.temp.resolve("budget.json");
		runner(report).withUserConfiguration(StuckTask.class)
			.withPropertyValues("quiet-shutdown.grace-period=3s", "quiet-shutdown.drain.timeout=20s",
					"quiet-shutdown.watchdog.delay=200ms")
			.run((context) -> {
				StuckTask stuck = context.getBean(StuckTask.class);
				@SuppressWarnings("unchecked")
				QueueWorker<String> worker = context.getBean(QueueWorker.class);
				stuck.submit(worker);
				long start = System.nanoTime();
				try {
					context.close();
				}
				finally {
					stuck.release.countDown();
				}
				long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				// Grace 3 s, less the reserve (1 s + the watchdog's 200 ms): the drain stops at 1.8 s.
				assertThat(tookMs).isBetween(1_700L, 3_000L);
			});
		assertThat(output).containsPattern("'stuckWorker': 2 task\\(s\\) will not run, still queued at the drain deadline \\(1[78]\\d\\d ms\\)")
			.containsPattern("Shutdown complete: .* abandoned=2 ");
		Map<String, Object> written = new ShutdownReportFile(this.temp.resolve("budget.json")).read();
		assertThat(written).containsEntry("completed", true);
	}

	@SuppressWarnings("unchecked")
	private static List<String> phaseNames(Map<String, Object> report) {
		return ((List<Map<String, Object>>) report.get("timeline")).stream().map((phase) -> (String) phase.get("phase")).toList();
	}

	private static double gauge(MeterRegistry registry) {
		return registry.get(PreviousShutdownMetrics.PREVIOUS_INCOMPLETE).gauge().value();
	}

	@Configuration(proxyBeanMethods = false)
	static class StuckTask {

		final CountDownLatch release = new CountDownLatch(1);

		@Bean
		QueueWorker<String> stuckWorker() {
			return new QueueWorker<>((item) -> await());
		}

		void submit(QueueWorker<String> worker) {
			for (int i = 0; i < 3; i++) {
				worker.offer("item-" + i);
			}
		}

		private void await() {
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
