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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Invalid configuration fails startup with Spring Boot's failure analysis, naming the
 * property and the fix.
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
	void zeroGracePeriodNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.grace-period=0s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.grace-period")
			.contains("must be a positive duration, such as 10s or 500ms");
	}

	@Test
	void negativePreStopDelayNamesPropertyAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.pre-stop.delay=-1s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.pre-stop.delay")
			.contains("must be zero (off) or a positive duration");
	}

	@Test
	void preStopDelayBeyondTheGracePeriodNamesPropertyValueAndFix(CapturedOutput output) {
		assertStartupFails("quiet-shutdown.pre-stop.delay=40s");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("quiet-shutdown.pre-stop.delay")
			.contains("must be shorter than quiet-shutdown.grace-period (30s), and is 40s")
			.contains("terminationGracePeriodSeconds");
	}

	private static void assertStartupFails(String... properties) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(EmptyApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()
			.close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class })
	static class EmptyApplication {

	}

}
