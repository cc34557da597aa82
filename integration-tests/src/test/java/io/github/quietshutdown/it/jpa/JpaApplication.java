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

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.github.quietshutdown.it.servers.PostgresServer;
import io.github.quietshutdown.it.support.ControlErrors;
import io.github.quietshutdown.it.support.Ledger;
import io.github.quietshutdown.it.support.RawThreads;

/**
 * Spring Data JPA on PostgreSQL through HikariCP, written from a {@code @Scheduled} method,
 * from {@code @Async} methods (on Boot's {@code applicationTaskExecutor}) and from raw
 * threads, busy until the end.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
		"org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
		"org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration",
		"org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration",
		"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration" })
@EntityScan(basePackageClasses = Event.class)
@EnableJpaRepositories(basePackageClasses = EventRepository.class)
@EnableScheduling
@EnableAsync
public class JpaApplication {

	static final String EXECUTOR = "applicationTaskExecutor";

	/**
	 * Start the application.
	 * @param postgres the database server
	 * @param quietShutdown whether the starter is enabled
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(PostgresServer postgres, boolean quietShutdown) {
		return new SpringApplicationBuilder(JpaApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=it-jpa",
					"spring.datasource.url=" + postgres.jdbcUrl(), "spring.datasource.username=" + postgres.username(),
					"spring.datasource.password=", "spring.datasource.hikari.maximum-pool-size=8",
					"spring.jpa.hibernate.ddl-auto=update", "spring.jpa.open-in-view=false",
					"spring.task.execution.pool.core-size=4", "quiet-shutdown.enabled=" + quietShutdown,
					"quiet-shutdown.drain.timeout=10s", "quiet-shutdown.report.file.enabled=false",
					// The test JVM hosts the servers' and other tests' threads: not the application's.
					"quiet-shutdown.watchdog.enabled=false")
			.run();
	}

	@Bean
	Ledger ledger() {
		return new Ledger(EXECUTOR);
	}

	@Bean
	ControlErrors controlErrors(@Qualifier(EXECUTOR) Executor executor) {
		return new ControlErrors(executor);
	}

	@Bean
	RawThreads rawThreads() {
		return new RawThreads();
	}

	@Bean
	Writer writer(EventRepository events, Ledger ledger) {
		return new Writer(events, ledger);
	}

	@Bean
	Ticker ticker(EventRepository events, Writer writer, Ledger ledger) {
		return new Ticker(events, writer, ledger);
	}

	@Bean
	ApplicationRunner rawWriters(RawThreads threads, EventRepository events) {
		return (args) -> {
			threads.managed("jpa-raw-managed", () -> events.save(new Event("thread")));
			threads.stray("jpa-raw-stray", () -> events.save(new Event("thread")));
		};
	}

	/**
	 * Writes from {@code @Async} methods.
	 */
	static class Writer {

		private final EventRepository events;

		private final Ledger ledger;

		Writer(EventRepository events, Ledger ledger) {
			this.events = events;
			this.ledger = ledger;
		}

		@Async
		public void write() {
			this.events.save(new Event("async"));
			this.events.count();
			this.ledger.completed();
		}

	}

	/**
	 * Writes from a {@code @Scheduled} method and hands more work to {@link Writer}.
	 */
	static class Ticker {

		private final EventRepository events;

		private final Writer writer;

		private final Ledger ledger;

		Ticker(EventRepository events, Writer writer, Ledger ledger) {
			this.events = events;
			this.writer = writer;
			this.ledger = ledger;
		}

		@Scheduled(fixedDelay = 2)
		public void tick() {
			this.events.save(new Event("scheduled"));
			this.ledger.accept(this.writer::write);
			this.ledger.accept(this.writer::write);
		}

	}

}
