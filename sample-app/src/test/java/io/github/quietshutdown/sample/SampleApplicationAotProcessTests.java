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
package io.github.quietshutdown.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.github.quietshutdown.process.ProcessOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT on the JVM: the sample goes through Spring Boot's AOT processing without a
 * warning, and its AOT-processed jar (built by the {@code process-aot} execution of this
 * module) stops quietly and losslessly on SIGTERM.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM")
class SampleApplicationAotProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	@TempDir
	Path temp;

	@Test
	void aotProcessingLogsNoWarningAndNoStackTrace() throws Exception {
		Path out = this.temp.resolve("aot");
		ProcessOutput run = start(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
				"org.springframework.boot.SpringApplicationAotProcessor", SampleApplication.class.getName(),
				out.resolve("sources").toString(), out.resolve("resources").toString(), out.resolve("classes").toString(),
				"io.github.quietshutdown", "quiet-shutdown-sample-app"));
		assertThat(run.awaitEnd(TIMEOUT)).as(run::text).isTrue();
		String output = run.text();
		assertThat(output).contains("Starting SampleApplication");
		assertThat(output).doesNotContain(" WARN ").doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(out.resolve("sources/io/github/quietshutdown/sample/SampleApplication__ApplicationContextInitializer.java"))
			.exists();
	}

	@Test
	void aotProcessedSampleStopsQuietlyAndLosslesslyOnSigterm() throws Exception {
		Path report = this.temp.resolve("report.json");
		List<String> command = new ArrayList<>(List.of(JAVA, "-Dspring.aot.enabled=true", "-jar",
				System.getProperty("sample.jar"), "--server.port=0", "--quiet-shutdown.report.file.location=" + report));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ProcessOutput run = ProcessOutput.of(process);
		assertThat(run.awaitLine((line) -> line.contains("Progress:"), TIMEOUT)).as(run::text).isTrue();
		assertThat(run.text()).contains("Starting AOT-processed SampleApplication");
		// SIGTERM; Process.destroy() would also close our end of the output.
		assertThat(process.toHandle().destroy()).isTrue();
		assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(run::text).isTrue();
		assertThat(process.exitValue()).isEqualTo(143);
		assertThat(run.awaitEnd(TIMEOUT)).isTrue();
		String output = run.text();
		assertThat(output).doesNotContain("\tat ").doesNotContain(" ERROR ");
		assertThat(output.lines().filter((line) -> line.contains(" WARN ") && line.contains("quietshutdown"))).isEmpty();
		assertThat(output).containsPattern("SAMPLE ACCOUNTING submitted=[1-9]\\d* completed=\\d+ reported=\\d+ lost=0\\b");
		List<String> starterLines = output.lines().filter((line) -> line.contains(" io.github.quietshutdown ")).toList();
		assertThat(starterLines).isNotEmpty();
		assertThat(starterLines.get(starterLines.size() - 1)).containsPattern(
				"Shutdown complete: duration=\\d+ms suppressed=\\d+ accepted=\\d+ completed=[1-9]\\d* failed=0 abandoned=0 rejected=\\d+");
		assertThat(report).exists();
	}

	private static ProcessOutput start(List<String> command) throws IOException {
		return ProcessOutput.of(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

}
