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
package io.github.quietshutdown.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends failures down each {@link Road} of {@link ShutdownRoadsApplication}, either at once
 * or once the {@code DataSource} has been closed by the closing context. Every method
 * returns once the failing task has started, so a test can close the context knowing every
 * failure will happen; the context's close waits for them (executors await termination,
 * {@link #destroy()} joins the raw threads, after the {@code DataSource} has closed).
 */
public class Roads implements DisposableBean {

	/**
	 * Name of the logger the foreign threads log with.
	 */
	public static final String FOREIGN_LOGGER = "org.example.messaging.ListenerContainer";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Logger foreignLogger = LoggerFactory.getLogger(FOREIGN_LOGGER);

	private final ObjectProvider<SignallingHikariDataSource> dataSource;

	private final Poller poller;

	private final Writer writer;

	private final TaskExecutor executor;

	private final ThreadFactory rawThreads;

	private final List<Thread> started = new CopyOnWriteArrayList<>();

	private final List<Thread> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger foreignRecords = new AtomicInteger();

	/**
	 * Create the roads.
	 * @param dataSource the pool the context closes, resolved late so that it can be
	 * destroyed before the roads
	 * @param poller the {@code @Scheduled} poller
	 * @param writer the {@code @Async} writer
	 * @param executor the executor for {@code execute()} tasks
	 * @param rawThreads creates the raw and foreign threads
	 */
	public Roads(ObjectProvider<SignallingHikariDataSource> dataSource, Poller poller, Writer writer,
			TaskExecutor executor, ThreadFactory rawThreads) {
		this.dataSource = dataSource;
		this.poller = poller;
		this.writer = writer;
		this.executor = executor;
		this.rawThreads = rawThreads;
	}

	/**
	 * A failure that queries the pool, a shutdown symptom once the pool has closed.
	 * @return the failure
	 */
	public Failure poolQuery() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource.getObject());
		return Failure.of(() -> jdbc.queryForObject("select 1", Integer.class));
	}

	/**
	 * Run a failure on a road once the {@code DataSource} has closed.
	 * @param road the road
	 * @param failure the failure
	 */
	public void afterPoolClosed(Road road, Runnable failure) {
		SignallingHikariDataSource pool = this.dataSource.getObject();
		send(road, () -> {
			pool.awaitClosed();
			failure.run();
		});
	}

	/**
	 * Run a failure on a road now.
	 * @param road the road
	 * @param failure the failure
	 */
	public void now(Road road, Runnable failure) {
		send(road, failure);
	}

	private void send(Road road, Runnable failure) {
		CountDownLatch running = new CountDownLatch(1);
		Runnable task = () -> {
			this.seen.add(Thread.currentThread());
			running.countDown();
			failure.run();
		};
		switch (road) {
			case SCHEDULED -> this.poller.plan(task);
			case ASYNC -> this.writer.write(task);
			case EXECUTE -> this.executor.execute(task);
			case THREAD -> start(task);
			case LOGGED -> start(() -> {
				try {
					task.run();
				}
				catch (Throwable ex) {
					// As listener containers and event loops do; both SLF4J styles.
					if (this.foreignRecords.getAndIncrement() % 2 == 0) {
						foreignLogger.error("Listener container failed", ex);
					}
					else {
						foreignLogger.error("Listener container {} failed", "orders", ex);
					}
				}
			});
		}
		try {
			if (!running.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Task on road " + road + " did not start");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void start(Runnable task) {
		Thread thread = this.rawThreads.newThread(task);
		this.started.add(thread);
		thread.start();
	}

	/**
	 * Return the threads that ran a task, in order.
	 * @return the threads
	 */
	public List<Thread> getThreads() {
		return List.copyOf(this.seen);
	}

	// Destroyed after the DataSource: the raw threads can finish failing now.
	@Override
	public void destroy() throws InterruptedException {
		for (Thread thread : this.started) {
			thread.join(TIMEOUT.toMillis());
		}
	}

	/**
	 * Runs planned tasks from {@code @Scheduled} methods: each planned task is taken by the
	 * next execution of a free slot, so several can block at once.
	 */
	public static class Poller {

		private static final Runnable RUNNING = () -> {
		};

		private final AtomicReferenceArray<Runnable> slots = new AtomicReferenceArray<>(6);

		void plan(Runnable task) {
			for (int i = 0; i < this.slots.length(); i++) {
				if (this.slots.compareAndSet(i, null, task)) {
					return;
				}
			}
			throw new IllegalStateException("No free scheduled slot");
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll0() {
			take(0);
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll1() {
			take(1);
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll2() {
			take(2);
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll3() {
			take(3);
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll4() {
			take(4);
		}

		@Scheduled(fixedRate = 20, timeUnit = TimeUnit.MILLISECONDS)
		public void poll5() {
			take(5);
		}

		// A slot is free again only once its task has ended; executions of one slot may
		// overlap on a scheduler that starts a thread for each.
		private void take(int slot) {
			Runnable task = this.slots.get(slot);
			if (task == null || task == RUNNING || !this.slots.compareAndSet(slot, task, RUNNING)) {
				return;
			}
			try {
				task.run();
			}
			finally {
				this.slots.set(slot, null);
			}
		}

	}

	/**
	 * Runs tasks in a {@code void @Async} method.
	 */
	public static class Writer {

		@Async
		public void write(Runnable task) {
			task.run();
		}

	}

}
