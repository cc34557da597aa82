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
package io.github.quietshutdown.it.rabbit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.quietshutdown.it.servers.PostgresServer;
import io.github.quietshutdown.it.servers.RabbitServer;
import io.github.quietshutdown.it.servers.RealServers;
import io.github.quietshutdown.it.servers.RedisServer;
import io.github.quietshutdown.it.support.BusyShutdown.Run;
import io.github.quietshutdown.it.support.BusyShutdown;
import io.github.quietshutdown.it.support.MessageBooks;
import io.github.quietshutdown.it.support.Servers;
import io.github.quietshutdown.it.support.Verdicts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RabbitApplication} on real RabbitMQ, PostgreSQL and Redis, closed at random moments
 * while it sends and consumes; then every confirmed message is processed.
 */
@ExtendWith({ RealServers.class, OutputCaptureExtension.class })
class RabbitShutdownTests {

	private static final long SEED = 20261206L;

	@Test
	void closedAtRandomMomentsIsQuietAndLosslessAndLosesNoMessage(PostgresServer postgres, RedisServer redis,
			RabbitServer rabbit, CapturedOutput output) throws Exception {
		Servers servers = new Servers(postgres, redis, rabbit, null);
		MessageBooks books = new MessageBooks(postgres);
		List<Run> runs = new BusyShutdown("rabbit", SEED, output).run(10, Duration.ofMillis(1000),
				(i) -> RabbitApplication.start(servers, books, "rabbit-" + i, true, true));
		Verdicts.assertQuietAndLossless(runs);
		assertThat(books.sentCount()).as("messages confirmed").isPositive();
		try (ConfigurableApplicationContext consumer = RabbitApplication.start(servers, books, "rabbit-last", false,
				true)) {
			assertThat(consumer.isActive()).isTrue();
			assertThat(books.awaitMissing(Duration.ofSeconds(60))).as("confirmed messages never processed").isEmpty();
		}
	}

	@Test
	void closedAtRandomMomentsLogsNoWarningWithoutException(PostgresServer postgres, RedisServer redis,
			RabbitServer rabbit, CapturedOutput output) throws Exception {
		Servers servers = new Servers(postgres, redis, rabbit, null);
		MessageBooks books = new MessageBooks(postgres);
		List<Run> runs = new BusyShutdown("rabbit, warnings", SEED, output).run(10, Duration.ofMillis(1000),
				(i) -> RabbitApplication.start(servers, books, "rabbit-warnings-" + i, true, true));
		Verdicts.assertNoWarningsWithoutException(runs);
	}

	@Test
	void withoutTheStarterTheSameClosesPrintSymptomTraces(PostgresServer postgres, RedisServer redis,
			RabbitServer rabbit, CapturedOutput output) throws Exception {
		Servers servers = new Servers(postgres, redis, rabbit, null);
		MessageBooks books = new MessageBooks(postgres);
		List<Run> runs = new BusyShutdown("rabbit without the starter", SEED, output).run(3, Duration.ofMillis(1000),
				(i) -> RabbitApplication.start(servers, books, "rabbit-control-" + i, true, false));
		Verdicts.assertNoisy(runs);
	}

}
