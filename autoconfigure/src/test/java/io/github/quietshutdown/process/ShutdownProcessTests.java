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
package io.github.quietshutdown.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown as only a real JVM shows it: threads that keep the process alive, the halt
 * option, and a {@code SIGTERM}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM")
class ShutdownProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void nonDaemonThreadThatNeverStopsIsReportedWithItsStack() throws Exception {
		Process process = start("lingering-thread", "--quiet-shutdown.watchdog.delay=500ms");
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(output.awaitLine((line) -> line.contains("keep the JVM alive"), TIMEOUT))
				.as(output::text)
				.isTrue();
			assertThat(output.awaitLine((line) -> line.contains("ShutdownProcessApplication.pollForever"), TIMEOUT))
				.as(output::text)
				.isTrue();
			assertThat(output.text()).contains("thread 'lingering-poller' (WAITING)");
			// Without the halt option the JVM stays alive: that is what was reported.
			assertThat(process.waitFor(1, TimeUnit.SECONDS)).isFalse();
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void haltOptionEndsTheJvmWithinTheGracePeriod() throws Exception {
		Process process = start("lingering-thread", "--quiet-shutdown.watchdog.delay=200ms",
				"--quiet-shutdown.watchdog.halt-after=2s");
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(output.awaitLine((line) -> line.equals("CONTEXT CLOSED"), TIMEOUT)).as(output::text).isTrue();
			long closed = System.nanoTime();
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			long afterClose = ProcessOutput.millis(System.nanoTime() - closed);
			assertThat(afterClose).as("ms from close to exit").isLessThan(2_000 + 3_000);
			assertThat(process.exitValue()).isEqualTo(1);
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			assertThat(output.text()).contains("Halting the JVM").contains("lingering-poller");
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void stuckQueueWorkerNeverHoldsTheJvmPastItsTimeout() throws Exception {
		Process process = start("stuck-worker", "--quiet-shutdown.drain.executor-timeouts.stuckWorker=1s");
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(output.awaitLine((line) -> line.equals("READY"), TIMEOUT)).as(output::text).isTrue();
			long signalled = System.nanoTime();
			// SIGTERM; Process.destroy() would also close our end of the child's output.
			assertThat(process.toHandle().destroy()).isTrue();
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			assertThat(ProcessOutput.millis(System.nanoTime() - signalled)).isLessThan(1_000 + 5_000);
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			// One item is being processed, the four others were waiting.
			assertThat(output.text()).contains("'stuckWorker': 4 task(s) will not run, still queued at the drain deadline (1000 ms)")
				.contains("item-4");
			assertThat(process.exitValue()).isEqualTo(143);
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@ParameterizedTest(name = "lazy-initialization={0}")
	@ValueSource(booleans = { false, true })
	void lazyInitializationChangesNothing(boolean lazy, @TempDir Path temp) throws Exception {
		Path report = temp.resolve("reports/app.json");
		Process process = start("lingering-thread", "--spring.main.lazy-initialization=" + lazy,
				"--quiet-shutdown.watchdog.delay=200ms", "--quiet-shutdown.watchdog.halt-after=2s",
				"--quiet-shutdown.report.file.location=" + report);
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			assertThat(output.text()).contains("keep the JVM alive")
				.contains("Halting the JVM")
				.containsPattern("Shutdown complete: duration=\\d+ms suppressed=0 .*completed=0 .*abandoned=0 rejected=0");
			assertThat(Files.readString(report)).contains("\"phase\":\"CLOSED\"");
			assertThat(process.exitValue()).isEqualTo(1);
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void drainProgressThenTheWatchdogThenTheSummaryLast(@TempDir Path temp) throws Exception {
		Process process = start("progress", "--quiet-shutdown.drain.progress-interval=1s",
				"--quiet-shutdown.watchdog.delay=500ms",
				"--quiet-shutdown.report.file.location=" + temp.resolve("report.json"));
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(output.awaitLine((line) -> line.contains("READY"), TIMEOUT)).as(output::text).isTrue();
			// SIGTERM; Process.destroy() would also close our end of the output.
			assertThat(process.toHandle().destroy()).isTrue();
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			List<String> lines = output.text().lines().toList();
			int start = indexOf(lines, "Draining 1 executor(s), intake closed: 'slow' 1 pending");
			int end = indexOf(lines, "Drained 1 executor(s) in ");
			int watchdog = indexOf(lines, "Non-daemon threads still running as the JVM exits");
			int summary = indexOf(lines, "Shutdown complete:");
			assertThat(lines.subList(start, end).stream().filter((line) -> line.contains("Draining for ")))
				.as(output::text)
				.hasSizeBetween(2, 3);
			assertThat(start).as(output::text).isLessThan(end);
			assertThat(end).as(output::text).isLessThan(watchdog);
			assertThat(watchdog).as(output::text).isLessThan(summary);
			List<String> starterLines = lines.stream().filter((line) -> line.contains("i.g.q.")
					|| line.contains("io.github.quietshutdown")).toList();
			assertThat(starterLines.get(starterLines.size() - 1)).contains("Shutdown complete:").contains("completed=1");
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static int indexOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("No line contains '" + text + "' in:\n" + String.join("\n", lines));
	}

	private static Process start(String scenario, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ShutdownProcessApplication.class.getName());
		command.add(scenario);
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

}
