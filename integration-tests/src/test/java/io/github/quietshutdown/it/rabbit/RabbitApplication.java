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

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
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
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.it.support.ControlErrors;
import io.github.quietshutdown.it.support.Ledger;
import io.github.quietshutdown.it.support.MessageBooks;
import io.github.quietshutdown.it.support.RawThreads;
import io.github.quietshutdown.it.support.Servers;

/**
 * A {@code @RabbitListener} that writes every message to PostgreSQL and Redis (acknowledged
 * automatically once it returned), while producers on a user executor keep sending with
 * publisher confirms and raw threads send without, busy until the end.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
		"org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
		"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration" })
@EnableScheduling
public class RabbitApplication {

	static final String QUEUE = "it.orders";

	static final String EXECUTOR = "rabbitProducers";

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
		return new SpringApplicationBuilder(RabbitApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("messageBooks", books))
			.properties("spring.main.banner-mode=off", "spring.application.name=it-rabbit",
					"spring.datasource.url=" + servers.postgres().jdbcUrl(),
					"spring.datasource.username=" + servers.postgres().username(), "spring.datasource.password=",
					"spring.data.redis.host=" + servers.redis().host(),
					"spring.data.redis.port=" + servers.redis().port(), "spring.data.redis.repositories.enabled=false",
					"spring.rabbitmq.host=" + servers.rabbit().host(), "spring.rabbitmq.port=" + servers.rabbit().port(),
					"spring.rabbitmq.publisher-confirm-type=simple", "it.run=" + run, "it.produce=" + produce,
					"quiet-shutdown.enabled=" + quietShutdown, "quiet-shutdown.drain.timeout=10s",
					"quiet-shutdown.report.file.enabled=false",
					// The test JVM hosts the servers' and other tests' threads: not the application's.
					"quiet-shutdown.watchdog.enabled=false")
			.run();
	}

	@Bean
	Queue orders() {
		return new Queue(QUEUE, true);
	}

	@Bean
	ThreadPoolTaskExecutor rabbitProducers() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setThreadNamePrefix("rabbit-producer-");
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
	ApplicationRunner rawSenders(RawThreads threads, RabbitTemplate rabbit, StringRedisTemplate redis) {
		// Not confirmed: not in the books, processed all the same.
		return (args) -> {
			threads.managed("rabbit-raw-managed", () -> {
				rabbit.convertAndSend("", QUEUE, "raw-" + redis.opsForValue().increment("it:rabbit:raw"));
			});
			threads.stray("rabbit-raw-stray", () -> rabbit.convertAndSend("", QUEUE, "stray"));
		};
	}

	@Bean
	Listener listener(JdbcTemplate jdbc, StringRedisTemplate redis) {
		return new Listener(jdbc, redis);
	}

	@Bean
	@ConditionalOnProperty(name = "it.produce", havingValue = "true")
	Producer producer(@Qualifier(EXECUTOR) ThreadPoolTaskExecutor executor, RabbitTemplate rabbit, Ledger ledger,
			MessageBooks books, @Value("${it.run}") String run) {
		return new Producer(rabbit, executor, ledger, books, run);
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

		@RabbitListener(queues = QUEUE, concurrency = "2")
		public void onMessage(String id) {
			MessageBooks.processed(this.jdbc, this.redis, "it:rabbit:processed", id);
		}

	}

	/**
	 * Sends from a user executor, fed by a {@code @Scheduled} method as long as the executor
	 * keeps up (a backlog of 20 at most); an id counts as sent
	 * once the broker confirmed it.
	 */
	static class Producer {

		private final AtomicLong sequence = new AtomicLong();

		private final RabbitTemplate rabbit;

		private final ThreadPoolTaskExecutor executor;

		private final Ledger ledger;

		private final MessageBooks books;

		private final String run;

		Producer(RabbitTemplate rabbit, ThreadPoolTaskExecutor executor, Ledger ledger, MessageBooks books,
				String run) {
			this.rabbit = rabbit;
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
					this.rabbit.invoke((operations) -> {
						operations.convertAndSend("", QUEUE, id);
						operations.waitForConfirmsOrDie(10_000);
						return null;
					});
					this.books.sent(id);
				});
			}
		}

	}

}
