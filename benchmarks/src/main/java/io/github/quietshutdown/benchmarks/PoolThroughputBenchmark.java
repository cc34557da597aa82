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
package io.github.quietshutdown.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * {@code execute()} throughput of a real {@link ThreadPoolTaskExecutor}: stock, with a
 * trivial wrapping decorator such as any application decorator, and with the starter.
 * <p>
 * One operation is a batch of {@value #BATCH} tasks through a pool of one worker. The
 * benchmark thread first executes a gate task that holds the worker, then executes the
 * batch (decorate, queue offer) while the worker waits, then opens the gate and waits on a
 * latch until the worker has run the whole batch (queue poll, wrapper, task). So only one
 * thread works at a time, nothing parks or wakes per task, and the executor's own per-task
 * path is the whole cost: the tasks only count down. On two cores the other core is left
 * for the JIT, the GC and the system. The score is tasks per second; the ratio of two
 * variants is their cost per task relative to each other. It is the worst case for the
 * ratio: any work in the tasks, or a worker that parks between tasks, adds the same cost
 * to every variant.
 *
 * @author Quiet Shutdown authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class PoolThroughputBenchmark {

	static final int BATCH = 1000;

	/**
	 * {@code stock}: no decorator. {@code wrapping}: an application decorator that wraps
	 * every task, which alone makes Spring record each task in its decorated-task map.
	 * {@code quiet}: the starter's decorator, composed as its post-processor composes it.
	 * {@code quiet-wrapping}: the same application decorator with the starter's composed
	 * around it, as in every application with tracing's context propagation; compared with
	 * {@code wrapping}.
	 * {@code wrapping-nomap}, {@code quiet-nomap}: the same with Spring's decorated-task map
	 * replaced by one that keeps nothing, to measure what that map costs: diagnostics only,
	 * {@code cancelRemainingTask} then no longer reaches the futures of {@code submit()}.
	 */
	@Param({ "stock", "wrapping", "quiet", "quiet-wrapping", "wrapping-nomap", "quiet-nomap" })
	public String variant;

	private ThreadPoolTaskExecutor executor;

	private final AtomicInteger remaining = new AtomicInteger();

	private volatile CountDownLatch done;

	private final Runnable task = () -> {
		if (this.remaining.decrementAndGet() == 0) {
			this.done.countDown();
		}
	};

	/**
	 * Create and decorate the executor of the variant.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		Fixture fixture = new Fixture();
		this.executor = switch (this.variant) {
			case "stock" -> fixture.executor("stock", 1, false, null);
			case "wrapping" -> fixture.executor("wrapping", 1, false, wrapping());
			case "quiet" -> fixture.executor("quiet", 1, true, null);
			case "quiet-wrapping" -> fixture.executor("quietWrapping", 1, true, wrapping());
			case "wrapping-nomap" -> Fixture.withoutDecoratedTaskMap(fixture.executor("wrapping", 1, false, wrapping()));
			case "quiet-nomap" -> Fixture.withoutDecoratedTaskMap(fixture.executor("quiet", 1, true, null));
			default -> throw new IllegalArgumentException("Unknown variant " + this.variant);
		};
	}

	/**
	 * Shut the executor down.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.executor.shutdown();
	}

	/**
	 * Execute a batch behind a gate, open it, and wait until the batch has run.
	 * @return the latch count, zero
	 * @throws InterruptedException if interrupted
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public long executeBatch() throws InterruptedException {
		CountDownLatch gate = new CountDownLatch(1);
		CountDownLatch latch = new CountDownLatch(1);
		this.done = latch;
		this.remaining.set(BATCH);
		this.executor.execute(() -> awaitGate(gate));
		for (int i = 0; i < BATCH; i++) {
			this.executor.execute(this.task);
		}
		gate.countDown();
		if (!latch.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Batch not done within 10 s: " + this.remaining.get() + " tasks left");
		}
		return latch.getCount();
	}

	private static void awaitGate(CountDownLatch gate) {
		try {
			if (!gate.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Gate not opened within 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static TaskDecorator wrapping() {
		return (runnable) -> new Runnable() {

			@Override
			public void run() {
				runnable.run();
			}

		};
	}

}
