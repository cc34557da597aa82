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
package io.github.quietshutdown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShutdownTimeline} and {@link ShutdownBudget}.
 */
class ShutdownTimelineTests {

	@Test
	void phasesAreOffsetFromTheStartAndTheSlowestPartNamesTheCulprit() {
		ShutdownTimeline timeline = new ShutdownTimeline();
		long origin = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);
		assertThat(timeline.start(origin)).isTrue();
		assertThat(timeline.start()).isFalse();
		timeline.record("preStop", origin, origin + TimeUnit.SECONDS.toNanos(3));
		timeline.record("drain", origin + TimeUnit.SECONDS.toNanos(3), origin + TimeUnit.SECONDS.toNanos(8));
		timeline.record("drain:ingestExecutor", origin + TimeUnit.SECONDS.toNanos(3), origin + TimeUnit.MILLISECONDS.toNanos(7_100));
		timeline.record("drain:mailExecutor", origin + TimeUnit.SECONDS.toNanos(3), origin + TimeUnit.SECONDS.toNanos(4));
		assertThat(timeline.getPhases()).extracting(ShutdownTimeline.Phase::name)
			.containsExactly("preStop", "drain", "drain:ingestExecutor", "drain:mailExecutor");
		assertThat(timeline.getPhases().get(1).startMs()).isEqualTo(3_000);
		// The group (5 s) gives way to its slowest part.
		assertThat(timeline.getSlowest()).isEqualTo(new ShutdownTimeline.Phase("drain:ingestExecutor", 3_000, 4_100L));
		assertThat(timeline.elapsedMillis()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void currentPhaseIsTheLatestBegunAndNotEnded() {
		ShutdownTimeline timeline = new ShutdownTimeline();
		AtomicInteger changes = new AtomicInteger();
		timeline.addListener(changes::incrementAndGet);
		assertThat(timeline.getCurrentPhase()).isNull();
		timeline.begin("web");
		timeline.begin("web");
		assertThat(timeline.getCurrentPhase()).isEqualTo("web");
		timeline.end("web");
		timeline.end("web");
		timeline.end("never-begun");
		assertThat(timeline.getCurrentPhase()).isNull();
		assertThat(timeline.getPhases()).singleElement().satisfies((phase) -> assertThat(phase.durationMs()).isNotNull());
		// start, begin, end: repeated and unknown calls change nothing.
		assertThat(changes).hasValue(3);
	}

	@Test
	void budgetDeadlineIsTheGracePeriodLessTheReserveFromTheStart() {
		ShutdownBudget budget = new ShutdownBudget(Duration.ofSeconds(30), Duration.ofSeconds(3));
		assertThat(budget.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
		assertThat(budget.remaining()).hasSeconds(27);
		long start = System.nanoTime() - TimeUnit.SECONDS.toNanos(20);
		budget.start(start);
		budget.start();
		assertThat(budget.deadlineNanos()).isEqualTo(start + TimeUnit.SECONDS.toNanos(27));
		assertThat(budget.remaining()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
		assertThat(budget.cap(Duration.ofSeconds(1))).hasSeconds(1);
		assertThat(budget.cap(Duration.ofSeconds(20))).isLessThanOrEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void reserveIsAtMostHalfTheGracePeriod() {
		ShutdownBudget budget = new ShutdownBudget(Duration.ofSeconds(4), Duration.ofSeconds(3));
		assertThat(budget.getReserve()).hasSeconds(2);
		long start = System.nanoTime();
		budget.start(start);
		assertThat(budget.deadlineNanos()).isEqualTo(start + TimeUnit.SECONDS.toNanos(2));
	}

}
