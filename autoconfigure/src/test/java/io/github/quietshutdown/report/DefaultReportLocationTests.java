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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultReportLocation}.
 */
class DefaultReportLocationTests {

	@TempDir
	Path home;

	@Test
	void stateHomeComesFirst() {
		Map<String, String> environment = Map.of("XDG_STATE_HOME", this.home.resolve("state").toString());
		assertThat(DefaultReportLocation.folder(environment::get, properties(this.home.toString())))
			.isEqualTo(this.home.resolve("state/quiet-shutdown"));
	}

	@Test
	void homeFolderWhenNoStateHome() {
		Map<String, String> environment = Map.of("XDG_STATE_HOME", "relative/state");
		assertThat(DefaultReportLocation.folder(environment::get, properties(this.home.toString())))
			.isEqualTo(this.home.resolve(".local/state/quiet-shutdown"));
	}

	@Test
	void userTempFolderWhenHomeIsMissingOrTheRoot() {
		assertThat(DefaultReportLocation.folder((name) -> null, properties("/")))
			.isEqualTo(Path.of("/var/tmp/quiet-shutdown-app_user"));
		assertThat(DefaultReportLocation.folder((name) -> null, properties(this.home.resolve("missing").toString())))
			.isEqualTo(Path.of("/var/tmp/quiet-shutdown-app_user"));
	}

	@Test
	void userTempFolderWhenTheStateFolderCannotBeCreatedUnderHome() throws Exception {
		Files.writeString(this.home.resolve(".local"), "a file, not a folder");
		assertThat(DefaultReportLocation.folder((name) -> null, properties(this.home.toString())))
			.isEqualTo(Path.of("/var/tmp/quiet-shutdown-app_user"));
		Map<String, String> environment = Map.of("XDG_STATE_HOME", this.home.resolve(".local/state").toString());
		assertThat(DefaultReportLocation.folder(environment::get, properties(this.home.toString())))
			.isEqualTo(Path.of("/var/tmp/quiet-shutdown-app_user"));
	}

	@Test
	void fileNameIsTheApplicationNameAndAHashOfNameAndMainClass() {
		String orders = DefaultReportLocation.fileName("orders service", "com.acme.orders.OrdersApplication");
		assertThat(orders).matches("orders_service-[0-9a-f]{12}\\.json");
		assertThat(DefaultReportLocation.fileName("orders service", "com.acme.billing.OrdersApplication"))
			.isNotEqualTo(orders);
	}

	@Test
	void applicationsWithoutANameAreToldApartByTheirMainClass() {
		String orders = DefaultReportLocation.fileName(null, "com.acme.orders.Application");
		String billing = DefaultReportLocation.fileName("", "com.acme.billing.Application");
		assertThat(orders).matches("Application-[0-9a-f]{12}\\.json");
		assertThat(billing).matches("Application-[0-9a-f]{12}\\.json").isNotEqualTo(orders);
		assertThat(DefaultReportLocation.fileName(null, null)).matches("application-[0-9a-f]{12}\\.json");
	}

	@Test
	void twoApplicationsWithoutANameUseTwoFiles() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(QuietShutdownAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class));
		Path[] locations = new Path[2];
		runner.withUserConfiguration(OrdersApplication.class)
			.run((context) -> locations[0] = context.getBean(ShutdownReporter.class).getFile().getLocation());
		runner.withUserConfiguration(BillingApplication.class)
			.run((context) -> locations[1] = context.getBean(ShutdownReporter.class).getFile().getLocation());
		assertThat(locations[0].getFileName().toString()).contains("_OrdersApplication-");
		assertThat(locations[1].getFileName().toString()).contains("_BillingApplication-");
		assertThat(locations[0].getParent()).isEqualTo(locations[1].getParent());
	}

	private static UnaryOperator<String> properties(String home) {
		Map<String, String> properties = Map.of("user.home", home, "user.name", "app user", "java.io.tmpdir",
				"/var/tmp");
		return properties::get;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class OrdersApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class BillingApplication {

	}

}
