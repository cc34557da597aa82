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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShutdownState}.
 */
class ShutdownStateTests {

	private final Instant start = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void newStateIsRunning() {
		ShutdownState state = new ShutdownState(Clock.fixed(this.start, ZoneOffset.UTC));
		assertThat(state.getPhase()).isEqualTo(ShutdownPhase.RUNNING);
		assertThat(state.isShuttingDown()).isFalse();
		assertThat(state.getSince()).isEqualTo(this.start);
		assertThat(state.getEntered(ShutdownPhase.CLOSING)).isNull();
	}

	@Test
	void advanceMovesForwardAndTimestamps() {
		ShutdownState state = new ShutdownState(Clock.fixed(this.start, ZoneOffset.UTC));
		assertThat(state.advanceTo(ShutdownPhase.CLOSING)).isTrue();
		assertThat(state.isShuttingDown()).isTrue();
		assertThat(state.getPhase()).isEqualTo(ShutdownPhase.CLOSING);
		assertThat(state.getEntered(ShutdownPhase.CLOSING)).isEqualTo(this.start);
	}

	@Test
	void advanceNeverMovesBack() {
		ShutdownState state = new ShutdownState();
		state.advanceTo(ShutdownPhase.DRAINED);
		assertThat(state.advanceTo(ShutdownPhase.CLOSING)).isFalse();
		assertThat(state.advanceTo(ShutdownPhase.DRAINED)).isFalse();
		assertThat(state.getPhase()).isEqualTo(ShutdownPhase.DRAINED);
	}

	@Test
	void skippedPhasesAreTimestampedToo() {
		ShutdownState state = new ShutdownState(Clock.fixed(this.start, ZoneOffset.UTC));
		state.advanceTo(ShutdownPhase.CLOSED);
		assertThat(state.getEntered(ShutdownPhase.CLOSING)).isEqualTo(this.start);
		assertThat(state.getEntered(ShutdownPhase.DRAINED)).isEqualTo(this.start);
		assertThat(state.getEntered(ShutdownPhase.CLOSED)).isEqualTo(this.start);
	}

}
