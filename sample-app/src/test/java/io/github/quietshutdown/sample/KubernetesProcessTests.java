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
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.json.JsonParserFactory;

import io.github.quietshutdown.process.ProcessOutput;
import io.github.quietshutdown.sample.SampleApplicationProcessTests.Run;
import io.github.quietshutdown.sample.reactive.ReactiveApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kubernetes-style shutdowns of real JVMs: the pre-stop delay on the packaged servlet sample
 * and on a WebFlux application, and shutdowns killed with {@code SIGKILL} as the next start
 * sees them.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM and SIGKILL")
class KubernetesProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final Pattern KILLED = Pattern
		.compile("WARN .*Previous shutdown did not complete: killed (\\d+) ms after SIGTERM, in phase (\\w+)");

	private static final String GAUGE = "quiet_shutdown_previous_incomplete_shutdowns";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void servletSampleKeepsServingDuringThePreStopDelayWithReadinessDown() throws Exception {
		Path report = this.temp.resolve("servlet.json");
		Run run = Run.start("--quiet-shutdown.pre-stop.delay=3s", "--quiet-shutdown.report.file.location=" + report);
		try {
			int port = run.awaitPort();
			assertPreStopDelay(run.process, port, "/reports/count");
			assertThat(run.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(run::text).isTrue();
			assertThat(run.process.exitValue()).isEqualTo(143);
			assertThat(run.awaitEnd()).isTrue();
			assertTimeline(run.text(), report, "web");
		}
		finally {
			run.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void reactiveApplicationKeepsServingDuringThePreStopDelayWithReadinessDown() throws Exception {
		Path report = this.temp.resolve("reactive.json");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ReactiveApplication.class.getName(),
				"--spring.main.web-application-type=reactive", "--server.port=0",
				"--management.endpoint.health.probes.enabled=true",
				"--quiet-shutdown.pre-stop.delay=3s", "--quiet-shutdown.report.file.location=" + report));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ProcessOutput output = ProcessOutput.of(process);
		try {
			// Netty, or Tomcat's reactive adapter: both serve WebFlux.
			Pattern started = Pattern.compile("started on port (\\d+)");
			assertThat(output.awaitLine((line) -> started.matcher(line).find(), TIMEOUT)).as(output::text).isTrue();
			Matcher port = started.matcher(output.text());
			assertThat(port.find()).isTrue();
			assertPreStopDelay(process, Integer.parseInt(port.group(1)), "/greetings");
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			assertThat(process.exitValue()).isEqualTo(143);
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			assertTimeline(output.text(), report, "web");
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void shutdownKilledDuringThePreStopDelayIsFoundAtTheNextStartUntilACleanRun() throws Exception {
		Path report = this.temp.resolve("killed-pre-stop.json");
		killDuring("preStop", report, "--quiet-shutdown.pre-stop.delay=20s");
		Run second = Run.start("--quiet-shutdown.report.file.location=" + report);
		try {
			int port = second.awaitPort();
			assertKilledIn(second, port, "preStop");
			assertThat(second.process.toHandle().destroy()).isTrue();
			assertThat(second.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(second::text).isTrue();
		}
		finally {
			second.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		Run third = Run.start("--quiet-shutdown.report.file.location=" + report);
		try {
			int port = third.awaitPort();
			assertThat(gauge(port)).isEqualTo("0.0");
			assertThat(previousShutdown(port)).containsEntry("completed", true);
			assertThat(third.text()).doesNotContain("did not complete");
		}
		finally {
			third.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void shutdownKilledDuringADrainIsFoundAtTheNextStart() throws Exception {
		Path report = this.temp.resolve("killed-drain.json");
		// Audit writes of two seconds each, queued faster than they run: the drain lasts.
		killDuring("drain", report, "--sample.audit.pause=2s");
		Run second = Run.start("--quiet-shutdown.report.file.location=" + report);
		try {
			assertKilledIn(second, second.awaitPort(), "drain");
		}
		finally {
			second.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private void killDuring(String phase, Path report, String... arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--quiet-shutdown.report.file.location=" + report);
		Run first = Run.start(all.toArray(String[]::new));
		try {
			first.awaitPort();
			assertThat(first.awaitLine((line) -> line.contains("Progress:"))).as(first::text).isTrue();
			assertThat(first.process.toHandle().destroy()).isTrue();
			// The report file says where shutdown is: kill it there.
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!phase.equals(currentPhase(report)) && System.nanoTime() < deadline && first.process.isAlive()) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
			assertThat(currentPhase(report)).as(first::text).isEqualTo(phase);
		}
		finally {
			// SIGKILL
			first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(first.process.exitValue()).isEqualTo(137);
		assertThat(first.text()).doesNotContain("Shutdown complete:");
	}

	private void assertKilledIn(Run run, int port, String phase) throws Exception {
		Matcher warning = KILLED.matcher(run.text());
		assertThat(warning.find()).as(run::text).isTrue();
		assertThat(warning.group(2)).isEqualTo(phase);
		assertThat(Long.parseLong(warning.group(1))).isGreaterThanOrEqualTo(0);
		assertThat(warning.find()).as("one warning").isFalse();
		assertThat(previousShutdown(port)).containsEntry("completed", false).containsEntry("currentPhase", phase);
		assertThat(gauge(port)).isEqualTo("1.0");
	}

	// After SIGTERM: readiness 503 within 500 ms, the business endpoint 200 for at least 2.5 s.
	private void assertPreStopDelay(Process process, int port, String businessPath) throws Exception {
		assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(port, businessPath)).isEqualTo(200);
		long signalled = System.nanoTime();
		assertThat(process.toHandle().destroy()).isTrue();
		// Times are those at which a request was sent, from the signal.
		long refusingAt = -1;
		long lastReadyAt = -1;
		long servingUntil = 0;
		long deadline = signalled + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			long sent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
			int readiness = status(port, "/actuator/health/readiness");
			if (readiness == 200) {
				lastReadyAt = sent;
			}
			else if (readiness == 503 && refusingAt < 0) {
				refusingAt = sent;
			}
			int business = status(port, businessPath);
			if (business != 200) {
				break;
			}
			servingUntil = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
		}
		assertThat(refusingAt).as("ms from SIGTERM to a readiness request answered 503").isBetween(0L, 500L);
		assertThat(lastReadyAt).as("ms from SIGTERM to the last readiness request answered 200").isLessThan(500L);
		assertThat(servingUntil).as("ms after SIGTERM the business endpoint still answered 200")
			.isGreaterThanOrEqualTo(2_500);
		System.out.println("PRE-STOP readiness 503 at " + refusingAt + " ms, business 200 until " + servingUntil + " ms");
	}

	private static void assertTimeline(String output, Path report, String webPhase) throws IOException {
		String summary = output.lines().filter((line) -> line.contains("Shutdown complete:")).reduce((a, b) -> b).orElseThrow();
		assertThat(summary).containsPattern(" slowest=[\\w:]+:\\d+\\.\\ds$");
		Map<String, Object> written = JsonParserFactory.getJsonParser().parseMap(Files.readString(report));
		assertThat(written).containsEntry("completed", true);
		List<?> timeline = (List<?>) written.get("timeline");
		List<String> phases = timeline.stream().map((phase) -> String.valueOf(((Map<?, ?>) phase).get("phase"))).toList();
		assertThat(phases).containsSubsequence("preStop", webPhase, "destroy");
		Map<?, ?> preStop = (Map<?, ?>) timeline.get(0);
		assertThat(((Number) preStop.get("durationMs")).longValue()).isBetween(3_000L, 3_500L);
	}

	private static String currentPhase(Path report) {
		try {
			Object phase = JsonParserFactory.getJsonParser().parseMap(Files.readString(report)).get("currentPhase");
			return (phase != null) ? phase.toString() : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private Map<String, Object> previousShutdown(int port) throws Exception {
		Map<String, Object> endpoint = JsonParserFactory.getJsonParser().parseMap(body(port, "/actuator/quietshutdown"));
		@SuppressWarnings("unchecked")
		Map<String, Object> previous = (Map<String, Object>) endpoint.get("previousShutdown");
		return previous;
	}

	private String gauge(int port) throws Exception {
		return body(port, "/actuator/prometheus").lines()
			.filter((line) -> line.startsWith(GAUGE + " ") || line.startsWith(GAUGE + "{"))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElseThrow(() -> new AssertionError(GAUGE + " not exposed"));
	}

	private int status(int port, String path) {
		try {
			return send(port, path).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private String body(int port, String path) throws Exception {
		// A client of its own: no pooled connection to a process of an earlier step.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
