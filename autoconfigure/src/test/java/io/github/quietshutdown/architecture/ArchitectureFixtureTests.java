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
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureRules}, built for the {@code architecture.fixture}
 * package, fails on the fixture class made to break it: the rules that pass on the main
 * classes are not passing for want of checking anything.
 */
class ArchitectureFixtureTests {

	private static final String FIXTURE = "io.github.quietshutdown.architecture.fixture";

	private static final ArchitectureRules rules = new ArchitectureRules(FIXTURE);

	private static JavaClasses fixture;

	@BeforeAll
	static void importFixture() {
		fixture = new ClassFileImporter().importPackages(FIXTURE);
	}

	@Test
	void cycleBetweenPackagesFails() {
		assertFails(rules.noCyclesBetweenPackages()).hasMessageContaining("Cycle detected: Slice classify -> ")
			.hasMessageContaining(field("classify.Classifier.recorder", "record.Recorder"))
			.hasMessageContaining(field("record.Recorder.classifier", "classify.Classifier"));
	}

	@Test
	void classifyUsingTheRecorderFails() {
		assertFails(rules.classifyImportsOnlyTheRoot())
			.hasMessageContaining(field("classify.Classifier.recorder", "record.Recorder"));
	}

	@Test
	void recordUsingARoadOrMicrometerFails() {
		assertFails(rules.recordImportsNoCaller()).hasMessageContaining(field("record.Recorder.road", "intercept.Road"))
			.hasMessageContaining("Field <" + FIXTURE
					+ ".record.Recorder.registry> has type <io.micrometer.core.instrument.MeterRegistry>");
	}

	@Test
	void roadUsingTheMetersFails() {
		assertFails(rules.roadsTaskAndDrainImportNoMetricsEndpointOrAutoConfiguration())
			.hasMessageContaining(field("intercept.Road.meters", "metrics.Meters"));
	}

	@Test
	void autoConfigurationOrBeanMethodOutsideAutoconfigureFails() {
		assertFails(rules.onlyAutoConfigurationDeclaresBeans())
			.hasMessageContaining("Class <" + FIXTURE + ".drain.Drain> is annotated with @AutoConfiguration")
			.hasMessageContaining("Method <" + FIXTURE + ".metrics.Meters.tracker()> is annotated with @Bean");
	}

	@Test
	void rootUsingASubPackageFails() {
		assertFails(rules.rootImportsNoSubPackage()).hasMessageContaining(field("Api.recorder", "record.Recorder"));
	}

	@Test
	void metricsUsingTheExecutorSideFails() {
		assertFails(rules.reportMetricsAndEndpointImportNoRoadTaskOrDrain())
			.hasMessageContaining("Method <" + FIXTURE + ".metrics.Meters.tracker()> has return type <" + FIXTURE
					+ ".task.Tracker>");
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ArchRule rule) {
		return assertThatThrownBy(() -> rule.check(fixture)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("was violated");
	}

	private static String field(String field, String type) {
		return "Field <" + FIXTURE + "." + field + "> has type <" + FIXTURE + "." + type + ">";
	}

}
