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
package io.github.quietshutdown.catalogue;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.classify.Symptom;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classifies throwables against the shipped catalogue, the way the starter does.
 */
final class Classification {

	private static final SymptomCatalogue SHIPPED = SymptomCatalogue.shipped();

	private Classification() {
	}

	/**
	 * Assert that the throwable stays visible while the application runs and is the given
	 * symptom once shutdown has begun.
	 * @param throwable the throwable, as the caller of the library sees it
	 * @param id the expected signature id
	 */
	static void assertSymptom(Throwable throwable, String id) {
		ShutdownState state = new ShutdownState();
		SymptomClassifier classifier = new SymptomClassifier(state, SHIPPED);
		assertThat(SHIPPED.get(id)).as("signature '%s' in the shipped catalogue", id).isNotNull();
		assertThat(classifier.classify(throwable)).as("classification of %s while running", throwable).isNull();
		state.advanceTo(ShutdownPhase.CLOSING);
		Symptom symptom = classifier.classify(throwable);
		assertThat(symptom).as("classification of %s while closing", throwable).isNotNull();
		assertThat(symptom.signature().getId()).as("signature matching %s", throwable).isEqualTo(id);
	}

	/**
	 * Assert that a log record without exception stays visible while the application runs
	 * and is the given symptom once shutdown has begun.
	 * @param logger the name of the logger the library logs with
	 * @param message the formatted message, as the library logs it
	 * @param id the expected signature id
	 */
	static void assertLogRecordSymptom(String logger, String message, String id) {
		ShutdownState state = new ShutdownState();
		SymptomClassifier classifier = new SymptomClassifier(state, SHIPPED);
		assertThat(SHIPPED.get(id)).as("signature '%s' in the shipped catalogue", id).isNotNull();
		assertThat(classifier.classifyLogRecord(logger, message)).as("record '%s' while running", message).isNull();
		state.advanceTo(ShutdownPhase.CLOSING);
		Symptom symptom = classifier.classifyLogRecord(logger, message);
		assertThat(symptom).as("record '%s' of %s while closing", message, logger).isNotNull();
		assertThat(symptom.signature().getId()).as("signature matching '%s'", message).isEqualTo(id);
	}

	/**
	 * Assert that the throwable stays visible even while shutting down: a real fault.
	 * @param throwable the throwable
	 */
	static void assertNotSymptom(Throwable throwable) {
		ShutdownState state = new ShutdownState();
		state.advanceTo(ShutdownPhase.CLOSING);
		SymptomClassifier classifier = new SymptomClassifier(state, SHIPPED);
		assertThat(classifier.classify(throwable)).as("classification of %s while closing", throwable).isNull();
	}

}
