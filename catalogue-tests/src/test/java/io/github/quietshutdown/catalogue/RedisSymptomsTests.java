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
package io.github.quietshutdown.catalogue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.DefaultEventLoopGroupProvider;
import io.lettuce.core.support.AsyncObjectFactory;
import io.lettuce.core.support.BoundedAsyncPool;
import io.lettuce.core.support.BoundedPoolConfig;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;

import static io.github.quietshutdown.catalogue.Classification.assertLogRecordSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Spring Data Redis with Lettuce and Jedis (versions from the Spring Boot BOM). Clients,
 * pools and connection factories point at 127.0.0.1:1 (no Redis runs), are shut down and
 * then used; they fail before connecting.
 */
@ExtendWith(NoThreadLeaks.class)
class RedisSymptomsTests {

	private static final RedisStandaloneConfiguration NO_SERVER = new RedisStandaloneConfiguration("127.0.0.1", 1);

	@Nested
	class Lettuce {

		@Test
		void connectAfterTheClientShutDown() {
			RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", 1));
			client.shutdown();
			Throwable ex = catchThrowable(client::connect);
			assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessage("Provider is shut down and can not longer provide resources");
			assertSymptom(ex, "lettuce.event-loop-provider-shut-down");
		}

		@Test
		void connectWhenTheEventExecutorGroupTerminated() throws Exception {
			DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
			ClientResources resources = DefaultClientResources.builder().eventExecutorGroup(executors).build();
			try {
				RedisClient client = RedisClient.create(resources, RedisURI.create("127.0.0.1", 1));
				executors.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
				Throwable ex = catchThrowable(client::connect);
				assertThat(ex).isInstanceOf(IllegalStateException.class)
					.hasMessage("Cannot connect, Event executor group is terminated.");
				assertSymptom(ex, "lettuce.client-shut-down");
				client.shutdown();
			}
			finally {
				resources.shutdown(0, 0, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
			}
		}

		@Test
		void allocateFromAShutDownEventLoopGroupProvider() throws Exception {
			DefaultEventLoopGroupProvider provider = new DefaultEventLoopGroupProvider(1);
			provider.shutdown(0, 0, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
			IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
					() -> provider.allocate(NioEventLoopGroup.class));
			assertThat(ex).hasMessage("Provider is shut down and can not longer provide resources");
			assertSymptom(ex, "lettuce.event-loop-provider-shut-down");
		}

		@Test
		void acquireFromAClosedAsyncPool() {
			// The real Lettuce pool, with a trivial object factory in place of Redis connections.
			BoundedAsyncPool<String> pool = new BoundedAsyncPool<>(new AsyncObjectFactory<>() {

				@Override
				public CompletableFuture<String> create() {
					return CompletableFuture.completedFuture("connection");
				}

				@Override
				public CompletableFuture<Void> destroy(String object) {
					return CompletableFuture.completedFuture(null);
				}

				@Override
				public CompletableFuture<Boolean> validate(String object) {
					return CompletableFuture.completedFuture(true);
				}

			}, BoundedPoolConfig.create());
			pool.close();
			Throwable ex = catchThrowable(() -> pool.acquire().get(10, TimeUnit.SECONDS));
			assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("AsyncPool is closed");
			assertSymptom(ex, "lettuce.async-pool-closed");
		}

		@Test
		void commandInterrupted() {
			AsyncCommand<String, String, String> command = new AsyncCommand<>(
					new Command<>(CommandType.PING, new StatusOutput<>(StringCodec.UTF8)));
			Thread.currentThread().interrupt();
			RedisCommandInterruptedException ex;
			try {
				ex = catchThrowableOfType(RedisCommandInterruptedException.class,
						() -> command.await(10, TimeUnit.SECONDS));
			}
			finally {
				Thread.interrupted();
			}
			assertThat(ex).hasMessage("Command interrupted");
			assertSymptom(ex, "lettuce.command-interrupted");
			DataAccessException translated = new LettuceExceptionConverter().convert(ex);
			assertSymptom(translated, "lettuce.command-interrupted");
		}

		@Test
		void commandOnAClosedConnection() {
			// Constructed: a connection needs a Redis server. DefaultEndpoint.validateWrite and
			// notifyDrainQueuedCommands build these on a locally closed endpoint; Spring Data
			// Redis translates them into RedisSystemException("Redis exception", ex).
			for (String message : new String[] { "Connection is closed", "Connection closed" }) {
				DataAccessException translated = new LettuceExceptionConverter().convert(new RedisException(message));
				assertThat(translated).isInstanceOf(RedisSystemException.class);
				assertSymptom(translated, "lettuce.connection-closed");
			}
			assertNotSymptom(new RedisException("Connection disconnected"));
			assertNotSymptom(new io.lettuce.core.RedisConnectionException("Connection closed prematurely"));
		}

	}

	@Nested
	class LettuceLogRecords {

		@Test
		void reconnectTimerAfterTheEventLoopsTerminated() {
			assertLogRecordSymptom("io.lettuce.core.protocol.ConnectionWatchdog",
					"Cannot execute scheduled reconnect timer, reconnect workers are terminated",
					"lettuce.reconnect-workers-terminated");
		}

		@Test
		void closingAConnectionTwice() {
			assertLogRecordSymptom("io.lettuce.core.RedisChannelHandler", "Connection is already closed",
					"lettuce.connection-already-closed");
			assertLogRecordSymptom("io.lettuce.core.RedisChannelHandler", "Connection is already closed (concurrently)",
					"lettuce.connection-already-closed");
		}

		@Test
		void dataForAClosedConnection() {
			assertLogRecordSymptom("io.lettuce.core.protocol.CommandHandler",
					"[channel=0x1, /127.0.0.1:50000 -> /127.0.0.1:6379, epid=0x2] Ignoring received data for closed or abandoned connection",
					"lettuce.data-for-closed-connection");
		}

	}

	@Nested
	class Jedis {

		@Test
		void getResourceFromAClosedPool() {
			JedisPool pool = new JedisPool("127.0.0.1", 1);
			pool.close();
			JedisException ex = catchThrowableOfType(JedisException.class, pool::getResource);
			assertThat(ex).hasMessage("Could not get a resource from the pool");
			assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("Pool not open");
			assertSymptom(ex, "commons-pool.pool-closed");
		}

		@Test
		void commandOnAClosedJedisPooled() {
			JedisPooled jedis = new JedisPooled("127.0.0.1", 1);
			jedis.close();
			Throwable ex = catchThrowable(() -> jedis.get("key"));
			assertSymptom(ex, "commons-pool.pool-closed");
		}

		@Test
		void connectionRefusedIsARealFault() {
			try (JedisPool pool = new JedisPool("127.0.0.1", 1)) {
				JedisException ex = catchThrowableOfType(JedisException.class, pool::getResource);
				assertThat(ex).hasMessageStartingWith("Failed to connect to 127.0.0.1:1");
				assertNotSymptom(ex);
			}
		}

	}

	@Nested
	class SpringDataRedis {

		@Test
		void lettuceConnectionFactoryStoppedThenDestroyed() {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(NO_SERVER);
			factory.afterPropertiesSet();
			assertThat(factory.isRunning()).isTrue();
			factory.stop();
			Throwable stopped = catchThrowable(factory::getConnection);
			assertThat(stopped).isInstanceOf(IllegalStateException.class)
				.hasMessage("LettuceConnectionFactory has been STOPPED. Use start() to initialize it");
			assertSymptom(stopped, "spring-data-redis.factory-stopped");
			factory.destroy();
			Throwable destroyed = catchThrowable(factory::getConnection);
			assertThat(destroyed).isInstanceOf(IllegalStateException.class)
				.hasMessage("LettuceConnectionFactory was destroyed and cannot be used anymore");
			assertSymptom(destroyed, "spring-data-redis.factory-destroyed");
		}

		@Test
		void jedisConnectionFactoryStoppedThenDestroyed() {
			JedisConnectionFactory factory = new JedisConnectionFactory(NO_SERVER);
			factory.afterPropertiesSet();
			assertThat(factory.isRunning()).isTrue();
			factory.stop();
			Throwable stopped = catchThrowable(factory::getConnection);
			assertThat(stopped).isInstanceOf(IllegalStateException.class)
				.hasMessage("JedisConnectionFactory has been STOPPED. Use start() to initialize it");
			assertSymptom(stopped, "spring-data-redis.factory-stopped");
			factory.destroy();
			Throwable destroyed = catchThrowable(factory::getConnection);
			assertSymptom(destroyed, "spring-data-redis.factory-destroyed");
		}

		// The transitional state: stop() under way on another thread. The state is set as
		// stop() sets it (compareAndSet STARTED -> STOPPING) so that the factory's own
		// assertStarted() answers.
		@Test
		void lettuceConnectionFactoryBeingStopped() throws Exception {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(NO_SERVER);
			factory.afterPropertiesSet();
			try {
				setState(factory, "STOPPING");
				Throwable ex = catchThrowable(factory::getConnection);
				assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("LettuceConnectionFactory is STOPPING");
				assertSymptom(ex, "spring-data-redis.factory-stopping");
				setState(factory, "STARTING");
				assertNotSymptom(catchThrowable(factory::getConnection));
			}
			finally {
				setState(factory, "STARTED");
				factory.destroy();
			}
		}

		@Test
		void jedisConnectionFactoryBeingStopped() throws Exception {
			JedisConnectionFactory factory = new JedisConnectionFactory(NO_SERVER);
			factory.afterPropertiesSet();
			try {
				setState(factory, "STOPPING");
				Throwable ex = catchThrowable(factory::getConnection);
				assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("JedisConnectionFactory is STOPPING");
				assertSymptom(ex, "spring-data-redis.factory-stopping");
			}
			finally {
				setState(factory, "STARTED");
				factory.destroy();
			}
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static void setState(Object factory, String state) throws ReflectiveOperationException {
			java.lang.reflect.Field field = factory.getClass().getDeclaredField("state");
			field.setAccessible(true);
			java.util.concurrent.atomic.AtomicReference reference = (java.util.concurrent.atomic.AtomicReference) field
				.get(factory);
			Class<? extends Enum> type = (Class<? extends Enum>) reference.get().getClass();
			reference.set(Enum.valueOf(type, state));
		}

		@Test
		void factoryNeverStartedIsAConfigurationFault() {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(NO_SERVER);
			factory.setEarlyStartup(false);
			factory.afterPropertiesSet();
			try {
				Throwable ex = catchThrowable(factory::getConnection);
				assertThat(ex).hasMessage("LettuceConnectionFactory has been CREATED. Use start() to initialize it");
				assertNotSymptom(ex);
			}
			finally {
				factory.destroy();
			}
		}

	}

}
