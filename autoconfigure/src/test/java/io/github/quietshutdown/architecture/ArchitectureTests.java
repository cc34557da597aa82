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
package io.github.quietshutdown.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.quietshutdown.ShutdownState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of {@code docs/architecture.md}, checked on the starter's main classes.
 * {@link ArchitectureFixtureTests} shows that each rule fails when broken.
 */
class ArchitectureTests {

	private static final ArchitectureRules rules = new ArchitectureRules("io.github.quietshutdown");

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.quietshutdown");
	}

	@Test
	void importsTheMainClassesOnly() {
		assertThat(main.contain(ShutdownState.class)).isTrue();
		assertThat(main.containPackage("io.github.quietshutdown.architecture")).isFalse();
	}

	@Test
	void noCyclesBetweenPackages() {
		rules.noCyclesBetweenPackages().check(main);
	}

	@Test
	void classifyImportsOnlyTheRoot() {
		rules.classifyImportsOnlyTheRoot().check(main);
	}

	@Test
	void recordImportsNoCaller() {
		rules.recordImportsNoCaller().check(main);
	}

	@Test
	void roadsTaskAndDrainImportNoMetricsEndpointOrAutoConfiguration() {
		rules.roadsTaskAndDrainImportNoMetricsEndpointOrAutoConfiguration().check(main);
	}

	@Test
	void onlyAutoConfigurationDeclaresBeans() {
		rules.onlyAutoConfigurationDeclaresBeans().check(main);
	}

	@Test
	void rootImportsNoSubPackage() {
		rules.rootImportsNoSubPackage().check(main);
	}

	@Test
	void reportMetricsAndEndpointImportNoRoadTaskOrDrain() {
		rules.reportMetricsAndEndpointImportNoRoadTaskOrDrain().check(main);
	}

}
