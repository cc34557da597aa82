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
package io.github.quietshutdown.compat.log4j2;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.report.SummaryLine;
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under Log4j2 and Spring Boot's structured logging, the summary line carries its counts as
 * JSON fields (SLF4J key-value pairs reach Log4j2 as the event's context data, as text).
 */
@ExtendWith(OutputCaptureExtension.class)
class Log4j2StructuredSummaryLineTests {

	private final Properties systemProperties = new Properties();

	@TempDir
	Path temp;

	// Spring Boot's logging system publishes its settings as system properties.
	@BeforeEach
	void keepSystemProperties() {
		this.systemProperties.putAll(System.getProperties());
	}

	@AfterEach
	void restoreSystemProperties() {
		System.setProperties(this.systemProperties);
	}

	@Test
	void logstashSummaryRecordHasTheCountsAsFields(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoisyApplication.class)
			.web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
					// Spring Boot's own Log4j2 configuration, which honours the structured format.
					"logging.config=classpath:org/springframework/boot/logging/log4j2/log4j2.xml",
					"logging.structured.format.console=logstash",
					"quiet-shutdown.report.file.location=" + this.temp.resolve("report.json"))
			.run();
		context.getBean(NoisyShutdown.class).queue(3, 5);
		context.close();
		String record = output.toString().lines().filter((line) -> line.contains("Shutdown complete:")).findFirst().orElseThrow();
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(record);
		assertThat(json.get("message").toString()).as(record).startsWith("Shutdown complete: duration=");
		// Log4j2's context data holds text: the counts arrive as strings.
		assertThat(json).as(record)
			.containsEntry(SummaryLine.KEY_PREFIX + "suppressed", "3")
			.containsEntry(SummaryLine.KEY_PREFIX + "accepted", "8")
			.containsEntry(SummaryLine.KEY_PREFIX + "completed", "5")
			.containsEntry(SummaryLine.KEY_PREFIX + "failed", "3")
			.containsEntry(SummaryLine.KEY_PREFIX + "abandoned", "0")
			.containsEntry(SummaryLine.KEY_PREFIX + "top", "SQLException:3")
			.containsKey(SummaryLine.KEY_PREFIX + "durationMs");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
			QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
	@Import(NoisyShutdown.class)
	static class NoisyApplication {

	}

}
