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

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of {@code docs/architecture.md}, each built for a root package so that
 * the same rule checks the starter's main classes and the deliberately broken fixture in
 * {@code architecture.fixture}.
 */
final class ArchitectureRules {

	private static final String AUTO_CONFIGURATION = "org.springframework.boot.autoconfigure.AutoConfiguration";

	private static final String BEAN = "org.springframework.context.annotation.Bean";

	private final String root;

	ArchitectureRules(String root) {
		this.root = root;
	}

	/**
	 * a. The top-level packages under the root form no cycle.
	 * @return the rule
	 */
	ArchRule noCyclesBetweenPackages() {
		return slices().matching(this.root + ".(*)..").should().beFreeOfCycles();
	}

	/**
	 * b. The classifier reads the root package only, besides the JDK, Spring and Commons
	 * Logging.
	 * @return the rule
	 */
	ArchRule classifyImportsOnlyTheRoot() {
		return classes().that()
			.resideInAPackage(pkg("classify"))
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage(this.root, pkg("classify"), "java..", "org.springframework..",
					"org.apache.commons.logging..");
	}

	/**
	 * c. The recorder imports no road, task, drain, report, meter, endpoint or
	 * auto-configuration, and no Micrometer.
	 * @return the rule
	 */
	ArchRule recordImportsNoCaller() {
		return noClasses().that()
			.resideInAPackage(pkg("record"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(pkg("intercept"), pkg("task"), pkg("drain"), pkg("report"), pkg("metrics"),
					pkg("actuate"), pkg("autoconfigure"), "io.micrometer..");
	}

	/**
	 * d. The roads, the executor side and the drain never import meters, the endpoint or the
	 * auto-configuration.
	 * @return the rule
	 */
	ArchRule roadsTaskAndDrainImportNoMetricsEndpointOrAutoConfiguration() {
		return noClasses().that()
			.resideInAnyPackage(pkg("intercept"), pkg("task"), pkg("drain"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(pkg("metrics"), pkg("actuate"), pkg("autoconfigure"));
	}

	/**
	 * e. Only the auto-configuration package declares {@code @AutoConfiguration} classes or
	 * {@code @Bean} methods.
	 * @return the rule
	 */
	ArchRule onlyAutoConfigurationDeclaresBeans() {
		return CompositeArchRule
			.of(noClasses().that()
				.resideOutsideOfPackage(pkg("autoconfigure"))
				.should()
				.beAnnotatedWith(AUTO_CONFIGURATION))
			.and(noMethods().that()
				.areDeclaredInClassesThat()
				.resideOutsideOfPackage(pkg("autoconfigure"))
				.should()
				.beAnnotatedWith(BEAN))
			.as("only " + pkg("autoconfigure") + " declares @AutoConfiguration classes and @Bean methods");
	}

	/**
	 * f. The root package, the public API, imports none of its sub-packages.
	 * @return the rule
	 */
	ArchRule rootImportsNoSubPackage() {
		return noClasses().that()
			.resideInAPackage(this.root)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(this.root + ".*..");
	}

	/**
	 * g. The report, the meters and the endpoint read the recorder, never a road, the
	 * executor side or the drain.
	 * @return the rule
	 */
	ArchRule reportMetricsAndEndpointImportNoRoadTaskOrDrain() {
		return noClasses().that()
			.resideInAnyPackage(pkg("report"), pkg("metrics"), pkg("actuate"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(pkg("intercept"), pkg("task"), pkg("drain"));
	}

	private String pkg(String name) {
		return this.root + "." + name + "..";
	}

}
