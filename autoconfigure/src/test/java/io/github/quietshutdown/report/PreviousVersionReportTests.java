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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.quietshutdown.actuate.QuietShutdownEndpoint;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownEndpointAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownMetricsAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownTimelineAutoConfiguration;
import io.github.quietshutdown.metrics.PreviousShutdownMetrics;
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that report files written by the previous version of the starter, whose JSON was
 * written by hand, are still read: the endpoint shows them, and a killed shutdown is still
 * told at the next start. The files are real: see {@code previous-version/README.md}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PreviousVersionReportTests {

	@TempDir
	Path temp;

	@Test
	void aCompletedReportOfThePreviousVersionIsShownAsItWasWritten(CapturedOutput output) throws IOException {
		Path report = plant("completed.json");
		runner(report).run((context) -> {
			assertThat(gauge(context.getBean(MeterRegistry.class))).isZero();
			Map<?, ?> previous = previousShutdown(context.getBean(QuietShutdownEndpoint.class));
			assertThat(previous.get("phase")).isEqualTo("CLOSED");
			assertThat(previous.get("completed")).isEqualTo(true);
			assertThat(((Map<?, ?>) previous.get("tasks")).get("accepted")).hasToString("133");
			assertThat(((Map<?, ?>) previous.get("slowest")).get("phase")).isEqualTo("drain:taskScheduler");
		});
		assertThat(output).doesNotContain("did not complete").doesNotContain("Ignoring the previous shutdown report");
	}

	@Test
	void aKilledShutdownOfThePreviousVersionIsToldAtTheNextStart(CapturedOutput output) throws IOException {
		Path report = plant("killed.json");
		runner(report).run((context) -> {
			assertThat(gauge(context.getBean(MeterRegistry.class))).isEqualTo(1.0);
			Map<?, ?> previous = previousShutdown(context.getBean(QuietShutdownEndpoint.class));
			assertThat(previous.get("completed")).isEqualTo(false);
			assertThat(previous.get("currentPhase")).isEqualTo("drain");
		});
		assertThat(output).contains("Previous shutdown did not complete: killed 537 ms after SIGTERM, in phase drain");
	}

	@Test
	void theCurrentVersionWritesTheSameFieldsInTheSameOrder() throws IOException {
		Path report = this.temp.resolve("current/report.json");
		runner(report).withUserConfiguration(NoisyShutdown.class).run((context) -> {
			context.getBean(NoisyShutdown.class).queue(0, 2);
			context.close();
		});
		Map<String, Object> current = new ShutdownReportFile(report).read();
		Map<String, Object> previous = new ShutdownReportFile(plant("completed.json")).read();
		assertThat(paths("", current)).isEqualTo(paths("", previous));
	}

	// Every field's path, in order; an executor's name and a list's items stand for any.
	private static List<String> paths(String prefix, Object value) {
		List<String> paths = new ArrayList<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> {
				String path = prefix + "/" + (prefix.endsWith("/byExecutor") ? "*" : key);
				if (!paths.contains(path)) {
					paths.add(path);
				}
				paths(path, child).stream().filter((nested) -> !paths.contains(nested)).forEach(paths::add);
			});
		}
		else if (value instanceof List<?> list) {
			list.forEach((item) -> paths(prefix + "[]", item).stream()
				.filter((nested) -> !paths.contains(nested))
				.forEach(paths::add));
		}
		return paths;
	}

	private Path plant(String name) throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("previous-" + name));
		Path report = folder.resolve("report.json");
		try (InputStream in = getClass().getResourceAsStream("previous-version/" + name)) {
			Files.copy(in, report);
		}
		return report;
	}

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

	private static Map<?, ?> previousShutdown(QuietShutdownEndpoint endpoint) {
		return (Map<?, ?>) endpoint.quietShutdown().get("previousShutdown");
	}

	private static double gauge(MeterRegistry registry) {
		return registry.get(PreviousShutdownMetrics.PREVIOUS_INCOMPLETE).gauge().value();
	}

}
