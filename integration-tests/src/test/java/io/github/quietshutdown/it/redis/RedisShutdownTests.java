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
package io.github.quietshutdown.it.redis;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.quietshutdown.it.servers.RealServers;
import io.github.quietshutdown.it.servers.RedisServer;
import io.github.quietshutdown.it.support.BusyShutdown.Run;
import io.github.quietshutdown.it.support.BusyShutdown;
import io.github.quietshutdown.it.support.Verdicts;

/**
 * {@link RedisApplication} with each client on a real Redis, closed at random moments while
 * it writes from every road.
 */
@ExtendWith({ RealServers.class, OutputCaptureExtension.class })
class RedisShutdownTests {

	private static final long SEED = 20261205L;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "lettuce", "jedis" })
	void closedAtRandomMomentsIsQuietAndLossless(String client, RedisServer redis, CapturedOutput output)
			throws Exception {
		List<Run> runs = new BusyShutdown("redis " + client, SEED, output).run(10, Duration.ofMillis(1000),
				(i) -> RedisApplication.start(redis, client, true));
		Verdicts.assertQuietAndLossless(runs);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "lettuce", "jedis" })
	void withoutTheStarterTheSameClosesPrintSymptomTraces(String client, RedisServer redis, CapturedOutput output)
			throws Exception {
		List<Run> runs = new BusyShutdown("redis " + client + " without the starter", SEED, output).run(3,
				Duration.ofMillis(1000), (i) -> RedisApplication.start(redis, client, false));
		Verdicts.assertNoisy(runs);
	}

}
