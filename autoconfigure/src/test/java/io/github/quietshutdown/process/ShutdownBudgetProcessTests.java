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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.github.quietshutdown.report.ShutdownReportFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time budget in a real JVM: a drain whose timeout is longer than the grace period
 * gives up early, and the summary line and the report are written before the grace period
 * ends.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "sends SIGTERM")
class ShutdownBudgetProcessTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path temp;

	@Test
	void drainLongerThanTheGracePeriodGivesUpAndTheJvmExitsWithinIt() throws Exception {
		Path report = this.temp.resolve("budget.json");
		// The drain timeout (20 s by default) exceeds the grace period.
		Process process = new ProcessBuilder(List.of(
				System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
				System.getProperty("java.class.path"), ShutdownProcessApplication.class.getName(), "budget",
				"--quiet-shutdown.grace-period=4s", "--quiet-shutdown.report.file.location=" + report))
			.redirectErrorStream(true)
			.start();
		try {
			ProcessOutput output = ProcessOutput.of(process);
			assertThat(output.awaitLine((line) -> line.equals("READY"), TIMEOUT)).as(output::text).isTrue();
			long signalled = System.nanoTime();
			assertThat(process.toHandle().destroy()).isTrue();
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(output::text).isTrue();
			long exitedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
			System.out.println("BUDGET exit " + exitedAfter + " ms after SIGTERM, grace period 4000 ms");
			assertThat(exitedAfter).as("ms from SIGTERM to exit").isLessThan(4_000);
			assertThat(process.exitValue()).isEqualTo(143);
			assertThat(output.awaitEnd(TIMEOUT)).isTrue();
			// Grace 4 s, less the reserve (1 s + the watchdog's 2 s, at most half): 2 s from the signal.
			assertThat(output.text())
				.containsPattern("'stuckWorker': 4 task\\(s\\) will not run, still queued at the drain deadline \\(1\\d\\d\\d ms\\)")
				.containsPattern("Shutdown complete: .* abandoned=4 .* slowest=drain:stuckWorker:\\d\\.\\ds");
			Map<String, Object> written = new ShutdownReportFile(report).read();
			assertThat(written).containsEntry("completed", true);
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
