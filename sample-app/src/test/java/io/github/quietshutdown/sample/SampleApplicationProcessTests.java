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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.json.JsonParserFactory;

import io.github.quietshutdown.process.ProcessOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: the packaged sample application as a real JVM, under load, stopped by its
 * demo mode or by SIGTERM; with the starter and without it.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM")
class SampleApplicationProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final Pattern SUMMARY = Pattern
		.compile("Shutdown complete: duration=(\\d+)ms suppressed=(\\d+) accepted=(\\d+) completed=(\\d+) failed=(\\d+) abandoned=(\\d+) rejected=(\\d+)");

	private static final Pattern ACCOUNTING = Pattern
		.compile("SAMPLE ACCOUNTING submitted=(\\d+) completed=(\\d+) reported=(\\d+) lost=(-?\\d+) refused=(\\d+)");

	@TempDir
	Path temp;

	@Test
	void quietDemoIsQuietLosslessAndAccountedFor() throws Exception {
		Path report = this.temp.resolve("report.json");
		Run run = Run.start("--sample.demo.run-for=3s", "--quiet-shutdown.report.file.location=" + report);
		assertThat(run.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(run::text).isTrue();
		assertThat(run.process.exitValue()).isZero();
		assertThat(run.awaitEnd()).isTrue();
		String output = run.text();
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(" ERROR ");
		Matcher accounting = find(ACCOUNTING, output);
		assertThat(Long.parseLong(accounting.group(1))).isPositive();
		assertThat(accounting.group(4)).as("lost").isEqualTo("0");
		assertSummaryIsLastAndMatchesReport(output, report);
	}

	@Test
	void stockDemoIsNoisyAndLossy() throws Exception {
		Run run = Run.start("--sample.demo.run-for=3s", "--quiet-shutdown.enabled=false");
		assertThat(run.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(run::text).isTrue();
		assertThat(run.awaitEnd()).isTrue();
		String output = run.text();
		assertThat(output).contains("\tat ").contains("InterruptedException").doesNotContain("Shutdown complete:");
		Matcher accounting = find(ACCOUNTING, output);
		assertThat(Long.parseLong(accounting.group(4))).as("lost").isPositive();
	}

	@Test
	void sigtermEndsWithTheSummaryAndTheNextRunShowsItAsPreviousShutdown() throws Exception {
		Path report = this.temp.resolve("report.json");
		Run first = Run.start("--quiet-shutdown.report.file.location=" + report);
		int port = first.awaitPort();
		assertThat(first.awaitLine((line) -> line.contains("Progress:"))).as(first::text).isTrue();
		assertThat(get(port, "/actuator/prometheus")).contains("quiet_shutdown_tasks_total{executor=\"reportExecutor\",outcome=\"completed\"}")
			.contains("quiet_shutdown_tasks_total{executor=\"applicationTaskExecutor\",outcome=\"completed\"}");
		assertThat(first.text()).doesNotContain("More than one TaskExecutor").doesNotContain("fallback SimpleAsyncTaskExecutor");
		// SIGTERM; Process.destroy() would also close our end of the output.
		assertThat(first.process.toHandle().destroy()).isTrue();
		assertThat(first.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(first::text).isTrue();
		assertThat(first.process.exitValue()).isEqualTo(143);
		assertThat(first.awaitEnd()).isTrue();
		String output = first.text();
		assertThat(output).doesNotContain("\tat ").doesNotContain(" ERROR ");
		assertThat(find(ACCOUNTING, output).group(4)).as("lost").isEqualTo("0");
		Map<String, Object> written = assertSummaryIsLastAndMatchesReport(output, report);

		Run second = Run.start("--quiet-shutdown.report.file.location=" + report);
		try {
			int secondPort = second.awaitPort();
			Map<String, Object> endpoint = JsonParserFactory.getJsonParser().parseMap(get(secondPort, "/actuator/quietshutdown"));
			assertThat(endpoint).containsEntry("phase", "RUNNING");
			assertThat(endpoint.get("previousShutdown")).isEqualTo(written);
		}
		finally {
			second.process.toHandle().destroy();
			assertThat(second.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		}
	}

	private static Map<String, Object> assertSummaryIsLastAndMatchesReport(String output, Path report) throws IOException {
		List<String> starterLines = output.lines().filter((line) -> line.contains(" io.github.quietshutdown ")).toList();
		assertThat(starterLines).isNotEmpty();
		Matcher summary = find(SUMMARY, starterLines.get(starterLines.size() - 1));
		Map<String, Object> written = JsonParserFactory.getJsonParser().parseMap(Files.readString(report));
		Map<?, ?> suppressed = (Map<?, ?>) written.get("suppressed");
		Map<?, ?> tasks = (Map<?, ?>) written.get("tasks");
		assertThat(number(written.get("durationMs"))).isEqualTo(Long.parseLong(summary.group(1)));
		assertThat(number(suppressed.get("total"))).isEqualTo(Long.parseLong(summary.group(2)));
		long accepted = Long.parseLong(summary.group(3));
		long completed = Long.parseLong(summary.group(4));
		long failed = Long.parseLong(summary.group(5));
		long abandoned = Long.parseLong(summary.group(6));
		assertThat(number(tasks.get("accepted"))).isEqualTo(accepted);
		assertThat(number(tasks.get("completed"))).isEqualTo(completed);
		assertThat(number(tasks.get("failed"))).isEqualTo(failed);
		assertThat(number(tasks.get("abandoned"))).isEqualTo(abandoned);
		assertThat(number(tasks.get("rejected"))).isEqualTo(Long.parseLong(summary.group(7)));
		// The books balance: every task in them completed, failed or was abandoned.
		assertThat(completed + failed + abandoned).as("accepted").isEqualTo(accepted);
		// The application's own ledger agrees with the starter's: what it was told was
		// refused is what the starter counted as rejected, what it was told was not done
		// is what the starter counted as failed or abandoned, and nothing else was lost.
		Matcher accounting = find(ACCOUNTING, output);
		assertThat(accounting.group(4)).as("lost").isEqualTo("0");
		assertThat(Long.parseLong(accounting.group(3))).as("reported").isEqualTo(failed + abandoned);
		assertThat(Long.parseLong(accounting.group(5))).as("refused").isEqualTo(Long.parseLong(summary.group(7)))
			.isPositive();
		return written;
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	private static Matcher find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
		return matcher;
	}

	private static String get(int port, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * A running sample application and its output.
	 */
	static final class Run {

		private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

		final Process process;

		private final ProcessOutput output;

		private Run(Process process) {
			this.process = process;
			this.output = ProcessOutput.of(process);
		}

		static Run start(String... arguments) throws IOException {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-jar", System.getProperty("sample.jar"), "--server.port=0"));
			command.addAll(List.of(arguments));
			return new Run(new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		boolean awaitLine(Predicate<String> matcher) throws InterruptedException {
			return this.output.awaitLine(matcher, TIMEOUT);
		}

		int awaitPort() throws InterruptedException {
			assertThat(awaitLine((line) -> PORT.matcher(line).find())).as(this::text).isTrue();
			Matcher matcher = PORT.matcher(text());
			assertThat(matcher.find()).isTrue();
			return Integer.parseInt(matcher.group(1));
		}

		boolean awaitEnd() throws InterruptedException {
			return this.output.awaitEnd(TIMEOUT);
		}

		String text() {
			return this.output.text();
		}

	}

}
