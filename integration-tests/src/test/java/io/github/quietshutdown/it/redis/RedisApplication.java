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

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.it.servers.RedisServer;
import io.github.quietshutdown.it.support.ControlErrors;
import io.github.quietshutdown.it.support.Ledger;
import io.github.quietshutdown.it.support.RawThreads;

/**
 * Spring Data Redis, with Lettuce or Jedis, written from a user {@link ThreadPoolTaskExecutor}
 * and from raw threads, with a pub/sub listener container whose listener writes too, busy
 * until the end.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
		"org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
		"org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration",
		"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration" })
public class RedisApplication {

	static final String EXECUTOR = "redisWriters";

	private static final String CHANNEL = "it:events";

	/**
	 * Start the application.
	 * @param redis the Redis server
	 * @param client {@code lettuce} or {@code jedis}
	 * @param quietShutdown whether the starter is enabled
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(RedisServer redis, String client, boolean quietShutdown) {
		return new SpringApplicationBuilder(RedisApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=it-redis-" + client,
					"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
					"spring.data.redis.client-type=" + client, "spring.data.redis.repositories.enabled=false",
					"quiet-shutdown.enabled=" + quietShutdown, "quiet-shutdown.drain.timeout=10s",
					"quiet-shutdown.report.file.enabled=false",
					// The test JVM hosts the servers' and other tests' threads: not the application's.
					"quiet-shutdown.watchdog.enabled=false")
			.run();
	}

	@Bean
	ThreadPoolTaskExecutor redisWriters() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(4);
		executor.setThreadNamePrefix("redis-writer-");
		return executor;
	}

	@Bean
	Ledger ledger() {
		return new Ledger(EXECUTOR);
	}

	@Bean
	ControlErrors controlErrors(ThreadPoolTaskExecutor redisWriters) {
		return new ControlErrors(redisWriters);
	}

	@Bean
	RawThreads rawThreads() {
		return new RawThreads();
	}

	@Bean
	RedisMessageListenerContainer eventListener(RedisConnectionFactory connectionFactory,
			StringRedisTemplate redis) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.addMessageListener((message, pattern) -> redis.opsForValue().increment("it:received"),
				new ChannelTopic(CHANNEL));
		return container;
	}

	@Bean
	ApplicationRunner redisLoad(RawThreads threads, StringRedisTemplate redis, ThreadPoolTaskExecutor redisWriters,
			Ledger ledger) {
		return (args) -> {
			threads.managed("redis-raw-managed", () -> {
				redis.opsForValue().increment("it:raw");
				ledger.submit(redisWriters, () -> {
					redis.opsForList().leftPush("it:list", "task");
					redis.opsForList().trim("it:list", 0, 99);
					redis.convertAndSend(CHANNEL, "task");
				});
			});
			threads.stray("redis-raw-stray", () -> redis.opsForHash().increment("it:hash", "stray", 1));
		};
	}

}
