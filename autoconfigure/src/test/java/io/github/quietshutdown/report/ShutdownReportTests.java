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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the summary line and the report file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownReportTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner(Path report) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class,
					QuietShutdownReportAutoConfiguration.class))
			.withPropertyValues("quiet-shutdown.report.file.location=" + report)
			.withUserConfiguration(NoisyShutdown.class);
	}

	@Test
	void summaryLineAndReportFileAgreeAndTheNextRunReadsTheReport(CapturedOutput output) {
		Path report = this.temp.resolve("reports/orders.json");
		runner(report).run((context) -> {
			context.getBean(NoisyShutdown.class).queue(3, 5);
			context.close();
		});
		String summary = output.toString().lines().filter((line) -> line.contains("Shutdown complete:")).findFirst().orElseThrow();
		assertThat(summary).contains("INFO").contains("io.github.quietshutdown ")
			.contains("suppressed=3 accepted=8 completed=5 failed=3 abandoned=0 rejected=0 top=SQLException:3")
			.containsPattern("duration=\\d+ms");
		assertThat(output.toString().lines().filter((line) -> line.contains("io.github.quietshutdown")).reduce((first, second) -> second))
			.hasValue(summary);
		Map<String, Object> written = JsonParserFactory.getJsonParser().parseMap(read(report));
		assertThat(written).containsEntry("phase", "CLOSED");
		assertThat(written.get("suppressed").toString()).contains("total=3").contains("SQLException=3");
		assertThat(written.get("tasks").toString()).contains("completed=5").contains("failed=3").contains("abandoned=0");
		assertThat(written.get("samples").toString()).contains("hikari.pool-closed").contains("message=******")
			.doesNotContain("has been closed");
		runner(report).run((context) -> {
			ShutdownReporter reporter = context.getBean(ShutdownReporter.class);
			assertThat(reporter.getPrevious()).isEqualTo(written);
		});
	}

	@Test
	void showMessagesPutsThemInTheReport() {
		Path report = this.temp.resolve("messages.json");
		runner(report).withPropertyValues("quiet-shutdown.report.show-messages=true").run((context) -> {
			context.getBean(NoisyShutdown.class).queue(1, 0);
			context.close();
		});
		assertThat(read(report)).contains("has been closed.");
	}

	@Test
	@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions")
	void reportFileIsReadableByItsOwnerOnly() throws Exception {
		Path report = this.temp.resolve("private/app.json");
		runner(report).run((context) -> context.close());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.getParent()))).isEqualTo("rwx------");
	}

	@Test
	void fileCanBeDisabled(CapturedOutput output) {
		Path report = this.temp.resolve("none.json");
		runner(report).withPropertyValues("quiet-shutdown.report.file.enabled=false").run((context) -> context.close());
		assertThat(report).doesNotExist();
		assertThat(output).contains("Shutdown complete:");
	}

	@Test
	void reportFileRoundTripsAwkwardText() throws Exception {
		ShutdownReportFile file = new ShutdownReportFile(this.temp.resolve("awkward.json"));
		Map<String, Object> sample = new java.util.LinkedHashMap<>();
		sample.put("message", "bad {json} \"quoted\", [list], a\\b\nnew line \u00e9");
		sample.put("origin", "void com.acme.Job.run(java.lang.String, int)");
		Map<String, Object> report = new java.util.LinkedHashMap<>();
		report.put("phase", "CLOSED");
		report.put("closingAt", null);
		report.put("suppressed", Map.of("total", 3, "byException", Map.of("SQLException", 3)));
		report.put("samples", java.util.List.of(sample));
		file.write(report);
		assertThat(file.read()).isEqualTo(report);
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
