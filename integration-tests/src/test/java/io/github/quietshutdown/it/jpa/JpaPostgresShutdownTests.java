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
package io.github.quietshutdown.it.jpa;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.quietshutdown.it.servers.PostgresServer;
import io.github.quietshutdown.it.servers.RealServers;
import io.github.quietshutdown.it.support.BusyShutdown.Run;
import io.github.quietshutdown.it.support.BusyShutdown;
import io.github.quietshutdown.it.support.Verdicts;

/**
 * {@link JpaApplication} on a real PostgreSQL, closed at random moments while it writes
 * from every road.
 */
@ExtendWith({ RealServers.class, OutputCaptureExtension.class })
class JpaPostgresShutdownTests {

	private static final long SEED = 20261204L;

	@Test
	void closedAtRandomMomentsIsQuietAndLossless(PostgresServer postgres, CapturedOutput output) throws Exception {
		List<Run> runs = new BusyShutdown("jpa", SEED, output).run(10, Duration.ofMillis(1000),
				(i) -> JpaApplication.start(postgres, true));
		Verdicts.assertQuietAndLossless(runs);
	}

	@Test
	void withoutTheStarterTheSameClosesPrintSymptomTraces(PostgresServer postgres, CapturedOutput output)
			throws Exception {
		List<Run> runs = new BusyShutdown("jpa without the starter", SEED, output).run(3, Duration.ofMillis(1000),
				(i) -> JpaApplication.start(postgres, false));
		Verdicts.assertNoisy(runs);
	}

}
