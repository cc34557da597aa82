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
package io.github.quietshutdown.actuate;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownEndpointAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.classify.SymptomCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuietShutdownEndpoint}.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietShutdownEndpointTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownReportAutoConfiguration.class, QuietShutdownEndpointAutoConfiguration.class))
			.withPropertyValues("quiet-shutdown.report.file.location=" + this.temp.resolve("report.json"));
	}

	@Test
	void notAvailableUnlessExposed() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(QuietShutdownEndpoint.class));
	}

	@Test
	void showsStateCountsConfigurationAndPreviousShutdown() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=quietshutdown").run((context) -> {
			Map<String, Object> document = context.getBean(QuietShutdownEndpoint.class).quietShutdown();
			assertThat(document).containsEntry("phase", "RUNNING").containsKeys("since", "suppressed", "tasks", "samples");
			@SuppressWarnings("unchecked")
			Map<String, Object> configuration = (Map<String, Object>) document.get("configuration");
			assertThat(configuration).containsEntry("signatures", SymptomCatalogue.shipped().size())
				.containsEntry("suppressionLevel", "DEBUG")
				.containsEntry("drainTimeoutMs", 20_000L)
				.containsEntry("reportFile", this.temp.resolve("report.json").toString());
			assertThat(document).containsEntry("previousShutdown", null);
			context.close();
		});
		runner().withPropertyValues("management.endpoints.web.exposure.include=quietshutdown").run((context) -> {
			Map<String, Object> document = context.getBean(QuietShutdownEndpoint.class).quietShutdown();
			@SuppressWarnings("unchecked")
			Map<String, Object> previous = (Map<String, Object>) document.get("previousShutdown");
			assertThat(previous).containsEntry("phase", "CLOSED").containsKeys("closedAt", "durationMs", "suppressed", "tasks");
		});
	}

	@Test
	void sparseTwoGibibyteReportLeavesStartupAndPreviousShutdownAlone(CapturedOutput output) throws IOException {
		Path report = this.temp.resolve("report.json");
		try (RandomAccessFile sparse = new RandomAccessFile(report.toFile(), "rw")) {
			sparse.setLength(2L * 1024 * 1024 * 1024);
		}
		assertPreviousShutdownAbsent();
		assertThat(output).containsOnlyOnce("WARN").contains("it is larger than 1048576 bytes (2147483648 bytes)");
	}

	@Test
	void malformedReportLeavesStartupAndPreviousShutdownAlone(CapturedOutput output) throws IOException {
		Files.writeString(this.temp.resolve("report.json"), "{\"phase\": \"CLOSED\", \"tasks\": {");
		assertPreviousShutdownAbsent();
		assertThat(output).containsOnlyOnce("WARN").contains("it is not a valid report");
	}

	private void assertPreviousShutdownAbsent() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=quietshutdown").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(QuietShutdownEndpoint.class).quietShutdown()).containsEntry("previousShutdown",
					null);
		});
	}

	@Test
	void disabledStarterHasNoEndpoint() {
		runner().withPropertyValues("management.endpoints.web.exposure.include=quietshutdown", "quiet-shutdown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(QuietShutdownEndpoint.class));
	}

}
