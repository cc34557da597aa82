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
package io.github.quietshutdown.it.support;

import java.util.List;

import org.assertj.core.api.SoftAssertions;

import io.github.quietshutdown.it.support.BusyShutdown.Run;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the runs of {@link BusyShutdown} must show.
 */
public final class Verdicts {

	private Verdicts() {
	}

	/**
	 * With the starter: in every run no symptom trace, both control errors with their stack
	 * trace, and the books balanced.
	 * @param runs the runs
	 */
	public static void assertQuietAndLossless(List<Run> runs) {
		assertThat(runs).as("runs").hasSizeGreaterThanOrEqualTo(10);
		SoftAssertions softly = new SoftAssertions();
		for (Run run : runs) {
			softly.assertThat(run.symptomTraces()).as("symptom traces of %s", run).isEmpty();
			softly.assertThat(run.visibleControls()).as("control errors visible with their stack trace in %s", run)
				.isEqualTo(2);
			softly.assertThat(run.ledger().balanced()).as("books of %s balanced: %s", run, run.ledger()).isTrue();
		}
		softly.assertAll();
	}

	/**
	 * With the starter: no WARN or ERROR without an exception (such as a listener
	 * container's "Rejecting received message(s) because the listener container has been
	 * stopped") while the context closes. Needs the catalogue's message-only entries.
	 * @param runs the runs
	 */
	public static void assertNoWarningsWithoutException(List<Run> runs) {
		SoftAssertions softly = new SoftAssertions();
		for (Run run : runs) {
			softly.assertThat(run.warningsWithoutException()).as("WARN and ERROR lines without exception in %s", run)
				.isEmpty();
		}
		softly.assertAll();
	}

	/**
	 * Without the starter: the same closes print symptom traces (so the quiet test can
	 * fail), and both control errors still show.
	 * @param runs the runs
	 */
	public static void assertNoisy(List<Run> runs) {
		SoftAssertions softly = new SoftAssertions();
		for (Run run : runs) {
			softly.assertThat(run.visibleControls()).as("control errors visible with their stack trace in %s", run)
				.isEqualTo(2);
		}
		softly.assertThat(runs.stream().mapToInt((run) -> run.symptomTraces().size()).sum())
			.as("symptom traces without the starter")
			.isPositive();
		softly.assertAll();
	}

}
