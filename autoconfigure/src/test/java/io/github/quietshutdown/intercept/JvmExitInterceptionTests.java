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
package io.github.quietshutdown.intercept;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.Roads;
import io.github.quietshutdown.test.ShutdownRoadsApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the JVM exits, Spring Boot's shutdown hook closes the context; threads that die and
 * libraries that log after it has closed, while the JVM is still exiting, are still judged.
 * Only a real JVM shows this.
 */
class JvmExitInterceptionTests {

	@Test
	void symptomsAfterTheContextClosedDuringJvmExitAreStillSuppressed(@TempDir Path directory) throws Exception {
		File output = directory.resolve("output.txt").toFile();
		List<String> command = List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
				"-cp", System.getProperty("java.class.path"), JvmExitInterceptionTests.class.getName());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
			assertThat(text).as(text)
			.doesNotContain("Transport failed")
				.contains("late symptoms suppressed: thread=1 log=1")
				.doesNotContain("Exception in thread")
				.doesNotContain("has been closed.")
				.doesNotContain("\tat ");
			assertThat(process.exitValue()).isZero();
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * The application run in the child JVM: a raw thread and a foreign thread that only fail
	 * once the context has closed, released by a shutdown handler of Spring Boot's hook.
	 * @param args ignored
	 * @throws InterruptedException if interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		SpringApplication application = ShutdownRoadsApplication.application(List.of());
		application.setRegisterShutdownHook(true);
		ConfigurableApplicationContext context = application.run();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		CountDownLatch contextClosed = new CountDownLatch(1);
		Runnable rawQuery = roads.poolQuery();
		Runnable foreignQuery = roads.poolQuery();
		List<Thread> late = List.of(new Thread(() -> {
			await(contextClosed);
			rawQuery.run();
		}, "late-raw"), new Thread(() -> {
			await(contextClosed);
			try {
				foreignQuery.run();
			}
			catch (RuntimeException ex) {
				LoggerFactory.getLogger("org.example.grpc.Transport").error("Transport failed", ex);
			}
		}, "late-foreign"));
		late.forEach(Thread::start);
		// Shutdown handlers run once every context has closed, before logging stops.
		SpringApplication.getShutdownHandlers().add(() -> {
			contextClosed.countDown();
			late.forEach(JvmExitInterceptionTests::join);
			System.out.println("late symptoms suppressed: thread=" + statistics.getSuppressed(SymptomSource.THREAD)
					+ " log=" + statistics.getSuppressed(SymptomSource.LOG));
		});
		System.exit(0);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(30_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
