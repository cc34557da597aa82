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
package io.github.quietshutdown.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Invalid configuration fails startup with Spring Boot's failure analysis, naming the
 * property, the value and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalysisTests {

	@Test
	void invalidMessagePatternNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].type=java.io.IOException",
				"quiet-shutdown.symptoms.extra[0].message=(unclosed");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].message")
			.contains("is not a valid regular expression (Unclosed group")
			.contains("fix or quote the pattern");
	}

	@Test
	void missingExceptionTypeNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].message=stopped");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].type")
			.contains("must not be empty: set the fully qualified class name of the exception");
	}

	@Test
	void signatureWithNeitherTypeNorLoggerNamesBothFixes(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].id=nothing");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].type")
			.contains("or, for log records without an exception, 'logger' and 'message'");
	}

	@Test
	void loggerSignatureWithoutMessageNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].logger=org.example.consumer");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].message")
			.contains("must not be empty when 'logger' is set");
	}

	@Test
	void loggerSignatureWithATypeNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].logger=org.example.consumer",
				"quiet-shutdown.symptoms.extra[0].type=java.io.IOException",
				"quiet-shutdown.symptoms.extra[0].message=stopped");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].logger")
			.contains("cannot be combined with 'type'");
	}

	@Test
	void unknownExcludedSignatureNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.exclude=hikari.pool-closd");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.exclude[0]")
			.contains("hikari.pool-closd")
			.contains("selects no shipped signature: use an id from the symptom catalogue");
	}

	@Test
	void unknownLevelNamesPropertyAndValidValues(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.suppression.level=loud");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.suppression.level")
			.contains("loud");
	}

	@Test
	void negativeWatchdogDelayNamesPropertyValueAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.watchdog.delay=-1s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: quiet-shutdown.watchdog.delay")
			.contains("Value: \"PT-1S\"")
			.contains("must not be negative: use 0s to report lingering threads as soon as the context has closed");
	}

	@Test
	void haltAfterShorterThanTheDelayNamesPropertyValueAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.watchdog.delay=5s", "quiet-shutdown.watchdog.halt-after=2s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: quiet-shutdown.watchdog.halt-after")
			.contains("Value: \"PT2S\"")
			.contains("is shorter than quiet-shutdown.watchdog.delay (5000ms)")
			.contains("set it to at least the delay, or leave it unset to never halt");
	}

	@Test
	void nonPositiveDurationsNamePropertyValueAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.drain.timeout=0s", "quiet-shutdown.drain.executor-timeouts.worker=-1s",
				"quiet-shutdown.watchdog.halt-after=0s", "quiet-shutdown.watchdog.delay=0s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.drain.timeout")
			.contains("quiet-shutdown.drain.executor-timeouts[worker]")
			.contains("quiet-shutdown.watchdog.halt-after")
			.doesNotContain("Property: quiet-shutdown.watchdog.delay")
			.contains("must be a positive duration, such as 10s or 500ms");
	}

	@Test
	void excludedExecutorThatIsNoBeanNamesPropertyValueAndKnownExecutors(CapturedOutput output) {
		assertStartupFails(Executors.class, "quiet-shutdown.executors.exclude=wrker");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: quiet-shutdown.executors.exclude")
			.contains("Value: \"wrker\"")
			.contains("no executor, scheduler or queue worker bean is named 'wrker'")
			.contains("known: scheduler, worker")
			.contains("Use the bean name of one of the known executors, or remove the entry.");
	}

	@Test
	void drainTimeoutOfAnExecutorThatIsNoBeanNamesPropertyValueAndKnownExecutors(CapturedOutput output) {
		assertStartupFails(Executors.class, "quiet-shutdown.drain.executor-timeouts.Worker=5s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: quiet-shutdown.drain.executor-timeouts.Worker")
			.contains("Value: \"Worker\"")
			.contains("known: scheduler, worker");
	}

	@Test
	void executorNamesOfRealExecutorsAreAccepted() {
		new SpringApplicationBuilder(EmptyApplication.class, Executors.class).web(WebApplicationType.NONE)
			.properties("quiet-shutdown.executors.exclude=scheduler", "quiet-shutdown.drain.executor-timeouts.worker=5s")
			.run()
			.close();
	}

	@Test
	void extraSymptomOfABroadTypeWithoutMessageNamesPropertyValueAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].type=java.lang.RuntimeException",
				"quiet-shutdown.symptoms.extra[1].type=java.lang.Throwable",
				"quiet-shutdown.symptoms.extra[2].type==java.lang.Exception",
				"quiet-shutdown.symptoms.extra[3].type=java.lang.IllegalStateException",
				"quiet-shutdown.symptoms.extra[3].message=Connection reset");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.symptoms.extra[0].type")
			.contains("quiet-shutdown.symptoms.extra[1].type")
			.contains("quiet-shutdown.symptoms.extra[2].type")
			.doesNotContain("quiet-shutdown.symptoms.extra[3].type")
			.contains("would make every java.lang.RuntimeException during shutdown a symptom, real failures included: "
					+ "add a message pattern (quiet-shutdown.symptoms.extra[0].message), or name a narrower exception type");
	}

	@Test
	void invalidOrDuplicateExtraSymptomNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.symptoms.extra[0].type=java.sql.SQL Exception",
				"quiet-shutdown.symptoms.extra[1].type=java.sql.SQLException",
				"quiet-shutdown.symptoms.extra[1].id=hikari.pool-closed");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("is not a fully qualified class name")
			.contains("'hikari.pool-closed' is already used by another signature: choose a unique id");
	}

	@Test
	void reportLocationThatCannotBeWrittenFailsStartupNamingPropertyValueAndFix(@TempDir Path temp,
			CapturedOutput output) throws IOException {
		Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
		Path location = file.resolve("reports/app.json");
		assertStartupFails("quiet-shutdown.report.file.location=" + location);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: quiet-shutdown.report.file.location")
			.contains("Value: \"" + location + "\"")
			.contains("cannot be created or written")
			.contains("Choose a location in a folder the application's user can create and write, or set "
					+ "'quiet-shutdown.report.file.enabled=false'.");
	}

	private static void assertStartupFails(String... properties) {
		assertStartupFails(EmptyApplication.class, properties);
	}

	private static void assertStartupFails(Class<?> extra, String... properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(EmptyApplication.class, extra)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()
			.close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
			QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
	static class EmptyApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class Executors {

		@Bean
		ThreadPoolTaskExecutor worker() {
			return new ThreadPoolTaskExecutor();
		}

		@Bean
		ThreadPoolTaskScheduler scheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

}
