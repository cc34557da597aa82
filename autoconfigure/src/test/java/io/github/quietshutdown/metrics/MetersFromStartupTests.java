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
package io.github.quietshutdown.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh web application with the actuator and Prometheus: every meter answers over HTTP
 * and in a scrape from startup, reading 0, before anything has shut down.
 */
class MetersFromStartupTests {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	Path temp;

	@Test
	void everyMeterAnswersAtZeroBeforeAnyShutdown() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/actuator";
			for (String name : new String[] { QuietShutdownMetrics.SUPPRESSED, QuietShutdownMetrics.TASKS,
					QuietShutdownMetrics.DRAIN }) {
				HttpResponse<String> metric = get(base + "/metrics/" + name);
				assertThat(metric.statusCode()).as(name).isEqualTo(200);
				assertThat(metric.body()).as(name).contains("\"name\":\"" + name + "\"");
			}
			assertThat(get(base + "/metrics/" + QuietShutdownMetrics.SUPPRESSED).body())
				.contains("{\"statistic\":\"COUNT\",\"value\":0.0}")
				.contains("{\"tag\":\"exception\",\"values\":[\"none\"]}");
			HttpResponse<String> scrape = get(base + "/prometheus");
			assertThat(scrape.statusCode()).isEqualTo(200);
			assertThat(scrape.body())
				.contains("quiet_shutdown_suppressed_exceptions_total{exception=\"none\",source=\"async\"} 0.0")
				.contains("quiet_shutdown_suppressed_exceptions_total{exception=\"none\",source=\"executor\"} 0.0")
				.contains("quiet_shutdown_suppressed_exceptions_total{exception=\"none\",source=\"log\"} 0.0")
				.contains("quiet_shutdown_suppressed_exceptions_total{exception=\"none\",source=\"scheduled\"} 0.0")
				.contains("quiet_shutdown_suppressed_exceptions_total{exception=\"none\",source=\"thread\"} 0.0")
				.contains("quiet_shutdown_tasks_total{executor=\"workers\",outcome=\"completed\"} 0.0")
				.contains("quiet_shutdown_tasks_total{executor=\"workers\",outcome=\"abandoned\"} 0.0")
				.contains("quiet_shutdown_tasks_total{executor=\"workers\",outcome=\"rejected\"} 0.0")
				.contains("quiet_shutdown_drain_seconds_count{executor=\"workers\"} 0");
		}
	}

	private ConfigurableApplicationContext run() {
		SpringApplication application = new SpringApplication(WebApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1",
				"spring.main.banner-mode", "off", "spring.jmx.enabled", "false",
				"management.endpoints.web.exposure.include", "metrics,prometheus",
				"management.prometheus.metrics.export.enabled", "true",
				"quiet-shutdown.report.file.location", this.temp.resolve("report.json").toString()));
		return application.run();
	}

	private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		ThreadPoolTaskExecutor workers() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setThreadNamePrefix("workers-");
			return executor;
		}

	}

}
