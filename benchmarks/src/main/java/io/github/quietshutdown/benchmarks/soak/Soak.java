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
package io.github.quietshutdown.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Runs soak cycles and sums what they found. {@link #main(String[])} is the long form
 * behind {@code benchmarks/soak CYCLES}: it ends with the line
 * {@code SOAK cycles=<n> escaped=<n> hangs=<n> accounting_errors=<n>} and exits with 1 if
 * any of the three is not zero.
 *
 * @author Quiet Shutdown authors
 */
public final class Soak {

	private Soak() {
	}

	/**
	 * Run the long form.
	 * @param args the number of cycles; optionally a seed; optionally
	 * {@code --scheduler-tasks-catch} to have scheduler tasks catch their own failures
	 * rather than throw them; any number of
	 * {@code --property=name=value} to set application properties, such as
	 * {@code --property=quiet-shutdown.enabled=false} for a control run without the starter
	 * @throws Exception on an unexpected failure of the harness
	 */
	public static void main(String[] args) throws Exception {
		int cycles = Integer.parseInt(args[0]);
		long seed = (args.length > 1 && !args[1].startsWith("--")) ? Long.parseLong(args[1]) : System.nanoTime();
		boolean schedulerTasksCatch = List.of(args).contains("--scheduler-tasks-catch");
		List<String> properties = Stream.of(args)
			.filter((arg) -> arg.startsWith("--property="))
			.map((arg) -> arg.substring("--property=".length()))
			.toList();
		System.out.println("Soak: " + cycles + " cycles, seed " + seed + ", scheduler tasks "
				+ (schedulerTasksCatch ? "catch" : "propagate") + " their failures, properties " + properties);
		SoakSummary summary = run(cycles, seed, schedulerTasksCatch, properties, (cycle) -> {
			if (cycle % 50 == 0) {
				System.out.println("  cycle " + cycle);
			}
		});
		summary.getFailures().forEach(System.out::println);
		System.out.println(summary.describe());
		System.out.println(summary.line());
		System.exit(summary.passed() ? 0 : 1);
	}

	/**
	 * Run cycles.
	 * @param cycles how many
	 * @param seed the seed of the first cycle; cycle {@code n} uses {@code seed + n}
	 * @param schedulerTasksCatch whether tasks given to the scheduler catch their own failures
	 * @param properties application properties, {@code name=value}
	 * @param progress called with the number of each cycle once it has ended
	 * @return the summary
	 * @throws IOException if the temporary directory cannot be created
	 * @throws InterruptedException if interrupted
	 */
	public static SoakSummary run(int cycles, long seed, boolean schedulerTasksCatch, List<String> properties,
			IntConsumer progress) throws IOException, InterruptedException {
		// The soak owns logging: Spring Boot must not reset Logback and drop the monitor.
		String loggingSystem = System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		Path root = Files.createTempDirectory("quiet-shutdown-soak");
		SoakSummary summary = new SoakSummary();
		try (EscapeMonitor monitor = new EscapeMonitor()) {
			for (int cycle = 1; cycle <= cycles; cycle++) {
				Cycle.Result result = new Cycle(cycle, seed + cycle, root, schedulerTasksCatch, properties).run(monitor);
				summary.add(result, seed + cycle);
				progress.accept(cycle);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(root);
			if (loggingSystem != null) {
				System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
			}
			else {
				System.clearProperty("org.springframework.boot.logging.LoggingSystem");
			}
		}
		return summary;
	}

}
