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
package io.github.quietshutdown.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

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
import io.github.quietshutdown.test.NoisyShutdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary line under Spring Boot's structured logging carries its counts as JSON fields;
 * as plain text it is unchanged.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredSummaryLineTests {

	private static final String TEXT = "Shutdown complete: duration=\\d+ms suppressed=3 accepted=8 completed=5 failed=3 abandoned=0 rejected=0 top=SQLException:3";

	@TempDir
	Path temp;

	private final Properties systemProperties = new Properties();

	// Spring Boot's logging system publishes its settings as system properties.
	@BeforeEach
	void keepSystemProperties() {
		this.systemProperties.putAll(System.getProperties());
	}

	@AfterEach
	void restoreTestLogging() throws Exception {
		System.setProperties(this.systemProperties);
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		new ContextInitializer(context).autoConfig();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void structuredSummaryRecordHasTheCountsAsFields(String format, CapturedOutput output) {
		runNoisyShutdown("logging.config=classpath:io/github/quietshutdown/report/logback-structured.xml",
				"logging.structured.format.console=" + format);
		String record = summaryLine(output);
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(record);
		assertThat(String.valueOf(json.get(format.equals("gelf") ? "short_message" : "message"))).as(record).matches(TEXT);
		assertThat(field(json, format, "suppressed")).as(record).isEqualTo(3L);
		assertThat(field(json, format, "accepted")).isEqualTo(8L);
		assertThat(field(json, format, "completed")).isEqualTo(5L);
		assertThat(field(json, format, "failed")).isEqualTo(3L);
		assertThat(field(json, format, "abandoned")).isEqualTo(0L);
		assertThat(field(json, format, "rejected")).isEqualTo(0L);
		assertThat(field(json, format, "durationMs")).isInstanceOf(Long.class);
		assertThat(field(json, format, "top")).isEqualTo("SQLException:3");
	}

	@Test
	void plainSummaryLineIsTheTextAlone(CapturedOutput output) {
		runNoisyShutdown();
		String line = summaryLine(output);
		assertThat(line).matches("^.* INFO .*io\\.github\\.quietshutdown - " + TEXT + "$");
		assertThat(line).doesNotContain(SummaryLine.KEY_PREFIX);
	}

	private void runNoisyShutdown(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoisyApplication.class)
			.web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
					"quiet-shutdown.report.file.location=" + this.temp.resolve("report.json"))
			.properties(properties)
			.run();
		context.getBean(NoisyShutdown.class).queue(3, 5);
		context.close();
	}

	private static String summaryLine(CapturedOutput output) {
		return output.toString().lines().filter((line) -> line.contains("Shutdown complete:")).findFirst().orElseThrow();
	}

	// ECS nests dotted keys, Logstash keeps them flat, GELF flat with its "_" prefix.
	@SuppressWarnings("unchecked")
	private static Object field(Map<String, Object> json, String format, String name) {
		Object value = switch (format) {
			case "ecs" -> ((Map<String, Object>) json.get("quietshutdown")).get(name);
			case "gelf" -> json.get("_" + SummaryLine.KEY_PREFIX + name);
			default -> json.get(SummaryLine.KEY_PREFIX + name);
		};
		return (value instanceof Integer number) ? Long.valueOf(number) : value;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
			QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
	@Import(NoisyShutdown.class)
	static class NoisyApplication {

	}

}
