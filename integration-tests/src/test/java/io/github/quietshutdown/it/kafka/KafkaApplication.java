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
package io.github.quietshutdown.it.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.it.support.ControlErrors;
import io.github.quietshutdown.it.support.Ledger;
import io.github.quietshutdown.it.support.MessageBooks;
import io.github.quietshutdown.it.support.RawThreads;
import io.github.quietshutdown.it.support.Servers;

/**
 * A {@code @KafkaListener} that writes every record to PostgreSQL and Redis (offsets
 * committed by the container after the listener returned), while producers on a user
 * executor keep sending and waiting for the broker's acknowledgement and raw threads send
 * without waiting, busy until the end; the Kafka clients' own threads are busy too.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
		"org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
		"org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration" })
@EnableScheduling
public class KafkaApplication {

	static final String TOPIC = "it.orders";

	static final String EXECUTOR = "kafkaProducers";

	/**
	 * Start the application.
	 * @param servers the servers
	 * @param books the test's message books
	 * @param run the run's name, a prefix of the message ids
	 * @param produce whether to send messages
	 * @param quietShutdown whether the starter is enabled
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(Servers servers, MessageBooks books, String run,
			boolean produce, boolean quietShutdown) {
		return new SpringApplicationBuilder(KafkaApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("messageBooks", books))
			.properties("spring.main.banner-mode=off", "spring.application.name=it-rabbit",
					"spring.datasource.url=" + servers.postgres().jdbcUrl(),
					"spring.datasource.username=" + servers.postgres().username(), "spring.datasource.password=",
					"spring.data.redis.host=" + servers.redis().host(),
					"spring.data.redis.port=" + servers.redis().port(), "spring.data.redis.repositories.enabled=false",
					"spring.kafka.bootstrap-servers=" + servers.kafka().bootstrapServers(),
					"spring.kafka.consumer.group-id=it", "spring.kafka.consumer.auto-offset-reset=earliest",
					"it.run=" + run, "it.produce=" + produce,
					"quiet-shutdown.enabled=" + quietShutdown, "quiet-shutdown.drain.timeout=10s",
					"quiet-shutdown.report.file.enabled=false",
					// The test JVM hosts the servers' and other tests' threads: not the application's.
					"quiet-shutdown.watchdog.enabled=false")
			.run();
	}

	@Bean
	ThreadPoolTaskExecutor kafkaProducers() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setThreadNamePrefix("kafka-producer-");
		return executor;
	}

	@Bean
	Ledger ledger() {
		return new Ledger(EXECUTOR);
	}

	@Bean
	ThreadPoolTaskExecutor controlTasks() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setThreadNamePrefix("control-");
		return executor;
	}

	@Bean
	ControlErrors controlErrors(ThreadPoolTaskExecutor controlTasks) {
		return new ControlErrors(controlTasks);
	}

	@Bean
	RawThreads rawThreads() {
		return new RawThreads();
	}

	@Bean
	ApplicationRunner rawSenders(RawThreads threads, KafkaTemplate<Object, Object> kafka, StringRedisTemplate redis) {
		// Not acknowledged: not in the books, processed all the same.
		return (args) -> {
			threads.managed("kafka-raw-managed", () -> {
				kafka.send(TOPIC, "raw-" + redis.opsForValue().increment("it:kafka:raw"));
			});
			threads.stray("kafka-raw-stray", () -> kafka.send(TOPIC, "stray"));
		};
	}

	@Bean
	Listener listener(JdbcTemplate jdbc, StringRedisTemplate redis) {
		return new Listener(jdbc, redis);
	}

	@Bean
	@ConditionalOnProperty(name = "it.produce", havingValue = "true")
	Producer producer(@Qualifier(EXECUTOR) ThreadPoolTaskExecutor executor, KafkaTemplate<Object, Object> kafka,
			Ledger ledger, MessageBooks books, @Value("${it.run}") String run) {
		return new Producer(kafka, executor, ledger, books, run);
	}

	/**
	 * Writes each message to PostgreSQL and Redis.
	 */
	static class Listener {

		private final JdbcTemplate jdbc;

		private final StringRedisTemplate redis;

		Listener(JdbcTemplate jdbc, StringRedisTemplate redis) {
			this.jdbc = jdbc;
			this.redis = redis;
		}

		@KafkaListener(topics = TOPIC, concurrency = "2")
		public void onMessage(String id) {
			MessageBooks.processed(this.jdbc, this.redis, "it:kafka:processed", id);
		}

	}

	/**
	 * Sends from a user executor, fed by a {@code @Scheduled} method as long as the executor
	 * keeps up (a backlog of 20 at most); an id counts as sent
	 * once the broker acknowledged it.
	 */
	static class Producer {

		private final AtomicLong sequence = new AtomicLong();

		private final KafkaTemplate<Object, Object> kafka;

		private final ThreadPoolTaskExecutor executor;

		private final Ledger ledger;

		private final MessageBooks books;

		private final String run;

		Producer(KafkaTemplate<Object, Object> kafka, ThreadPoolTaskExecutor executor, Ledger ledger, MessageBooks books,
				String run) {
			this.kafka = kafka;
			this.executor = executor;
			this.ledger = ledger;
			this.books = books;
			this.run = run;
		}

		@Scheduled(fixedDelay = 2)
		public void produce() {
			for (int i = 0; i < 2 && this.executor.getQueueSize() < 20; i++) {
				String id = this.run + "-" + this.sequence.incrementAndGet();
				this.ledger.submit(this.executor, () -> {
					try {
						this.kafka.send(TOPIC, id).get(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
					catch (ExecutionException | TimeoutException ex) {
						throw new IllegalStateException(ex);
					}
					this.books.sent(id);
				});
			}
		}

	}

}
