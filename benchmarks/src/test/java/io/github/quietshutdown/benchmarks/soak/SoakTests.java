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
package io.github.quietshutdown.benchmarks.soak;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the shutdown soak, run by every build: twenty context lifecycles,
 * forty submitter threads each, closed at a random moment. The long form is
 * {@code benchmarks/soak CYCLES}.
 */
class SoakTests {

	private static final int CYCLES = 20;

	@Test
	@Timeout(120)
	void shortSoakHasNoEscapedSymptomNoHangAndExactAccounting() throws Exception {
		long seed = System.nanoTime();
		SoakSummary summary = Soak.run(CYCLES, seed, false, List.of(), (cycle) -> {
		});
		String report = "seed " + seed + "\n" + summary.describe() + "\n" + String.join("\n", summary.getFailures());
		assertThat(summary.getEscaped()).as(report).isZero();
		assertThat(summary.getHangs()).as(report).isZero();
		assertThat(summary.getAccountingErrors()).as(report).isZero();
		// The race really happened: tasks were abandoned at a drain deadline and refused
		// after shutdown began.
		assertThat(summary.getCyclesWithAbandonment()).as(report).isPositive();
		assertThat(summary.getRejected()).as(report).isPositive();
	}

}
