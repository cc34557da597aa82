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

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.nio.NioEventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.nio.NioTask;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Netty 4.1 (version from the Spring Boot BOM): every exception is produced by really shutting
 * the executor, timer or pool down and then using it.
 */
@ExtendWith(NoThreadLeaks.class)
class NettySymptomsTests {

	@Test
	void executeOnATerminatedEventLoop() {
		DefaultEventLoop loop = new DefaultEventLoop();
		loop.execute(() -> {
		});
		loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		RejectedExecutionException ex = catchThrowableOfType(RejectedExecutionException.class,
				() -> loop.execute(() -> {
				}));
		assertThat(ex).hasMessage("event executor terminated");
		assertSymptom(ex, "netty.event-executor-terminated");
	}

	@Test
	void scheduleOnAShutDownNioEventLoopGroup() {
		EventLoopGroup group = new NioEventLoopGroup(1);
		group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		RejectedExecutionException ex = catchThrowableOfType(RejectedExecutionException.class,
				() -> group.next().schedule(() -> {
				}, 1, TimeUnit.SECONDS));
		assertSymptom(ex, "netty.event-executor-terminated");
	}

	@Test
	void fullTaskQueueIsARealFault() throws InterruptedException {
		DefaultEventExecutor executor = new DefaultEventExecutor(null, new DefaultThreadFactory("qs-full"), 16,
				RejectedExecutionHandlers.reject());
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		try {
			executor.execute(() -> {
				blocked.countDown();
				awaitUninterruptibly(release);
			});
			blocked.await();
			RejectedExecutionException rejected = null;
			for (int i = 0; i < 100 && rejected == null; i++) {
				rejected = catchThrowableOfType(RejectedExecutionException.class, () -> executor.execute(() -> {
				}));
			}
			assertThat(rejected).as("rejection by a full queue").isNotNull();
			assertThat(rejected.getMessage()).isNull();
			assertNotSymptom(rejected);
		}
		finally {
			release.countDown();
			executor.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	@Test
	void registerOnAShutDownNioEventLoop() throws Exception {
		NioEventLoopGroup group = new NioEventLoopGroup(1);
		NioEventLoop loop = (NioEventLoop) group.next();
		group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		try (SocketChannel channel = SocketChannel.open()) {
			channel.configureBlocking(false);
			IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
					() -> loop.register(channel, SelectionKey.OP_READ, new NioTask<SocketChannel>() {

						@Override
						public void channelReady(SocketChannel ch, SelectionKey key) {
						}

						@Override
						public void channelUnregistered(SocketChannel ch, Throwable cause) {
						}

					}));
			assertThat(ex).hasMessage("event loop shut down");
			assertSymptom(ex, "netty.event-loop-shut-down");
		}
	}

	@Test
	void newTimeoutOnAStoppedTimer() {
		HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("qs-timer"));
		timer.newTimeout((timeout) -> {
		}, 1, TimeUnit.HOURS);
		timer.stop();
		IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
				() -> timer.newTimeout((timeout) -> {
				}, 1, TimeUnit.SECONDS));
		assertThat(ex).hasMessage("cannot be started once stopped");
		assertSymptom(ex, "netty.timer-stopped");
	}

	@Test
	void tooManyPendingTimeoutsIsARealFault() {
		HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("qs-timer"), 100,
				TimeUnit.MILLISECONDS, 512, true, 1);
		try {
			timer.newTimeout((timeout) -> {
			}, 1, TimeUnit.HOURS);
			RejectedExecutionException ex = catchThrowableOfType(RejectedExecutionException.class,
					() -> timer.newTimeout((timeout) -> {
					}, 1, TimeUnit.HOURS));
			assertThat(ex).hasMessageStartingWith("Number of pending timeouts (2)");
			assertNotSymptom(ex);
		}
		finally {
			timer.stop();
		}
	}

	@Test
	void acquireFromAClosedFixedChannelPool() {
		EventLoopGroup group = new DefaultEventLoopGroup(1);
		try {
			Bootstrap bootstrap = new Bootstrap().group(group)
				.channel(LocalChannel.class)
				.remoteAddress(new LocalAddress("quiet-shutdown"));
			FixedChannelPool pool = new FixedChannelPool(bootstrap, new AbstractChannelPoolHandler() {

				@Override
				public void channelCreated(Channel ch) {
				}

			}, 1);
			pool.close();
			Future<Channel> acquired = pool.acquire().awaitUninterruptibly();
			assertThat(acquired.cause()).isInstanceOf(IllegalStateException.class)
				.hasMessage("FixedChannelPool was closed");
			assertSymptom(acquired.cause(), "netty.channel-pool-closed");
		}
		finally {
			group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
