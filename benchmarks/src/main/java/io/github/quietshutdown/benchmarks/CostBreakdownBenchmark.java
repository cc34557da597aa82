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

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What each operation of the decorator's normal path costs on its own, to explain the
 * in-thread figure: the {@link System#nanoTime()} taken for the task's age, the increment
 * and decrement of the pending counter, the allocation of a wrapper of the same shape as
 * the decorator's, and the volatile reads of the shutdown state.
 *
 * @author Quiet Shutdown authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CostBreakdownBenchmark {

	private final AtomicLong pending = new AtomicLong();

	private volatile int phase;

	private volatile boolean draining;

	/**
	 * An empty method: what JMH itself costs per call.
	 */
	@Benchmark
	public void baseline() {
		// The empty method: JMH's own cost per call.
	}

	/**
	 * Read the clock, as the wrapper does for the task's age.
	 * @return the time
	 */
	@Benchmark
	public long nanoTime() {
		return System.nanoTime();
	}

	/**
	 * Count a task in and out, as the tracker does.
	 * @return the pending count
	 */
	@Benchmark
	public long pendingIncrementDecrement() {
		this.pending.incrementAndGet();
		return this.pending.decrementAndGet();
	}

	/**
	 * Read the shutdown phase and the draining flag, as the wrapper does.
	 * @return whether either is set
	 */
	@Benchmark
	public boolean volatileReads() {
		return this.phase != 0 || this.draining;
	}

	/**
	 * Allocate an escaping object of the wrapper's shape.
	 * @param blackhole makes the object escape
	 */
	@Benchmark
	public void allocateWrapper(Blackhole blackhole) {
		blackhole.consume(new Wrapper(this, this, 1L));
	}

	/**
	 * Allocate an escaping object of the smallest wrapper's shape.
	 * @param blackhole makes the object escape
	 */
	@Benchmark
	public void allocateMinimalWrapper(Blackhole blackhole) {
		blackhole.consume(new MinimalWrapper(this, this));
	}

	/**
	 * The decorator's wrapper's fields: two references, the acceptance time, a started flag
	 * and a dropped flag (40 bytes with compressed oops).
	 */
	static final class Wrapper {

		final Object delegate;

		final Object decorator;

		final long acceptedAt;

		boolean started;

		volatile int dropped;

		Wrapper(Object delegate, Object decorator, long acceptedAt) {
			this.delegate = delegate;
			this.decorator = decorator;
			this.acceptedAt = acceptedAt;
		}

	}

	/**
	 * The smallest wrapper that can track a task: the task and its tracker (24 bytes).
	 */
	static final class MinimalWrapper {

		final Object delegate;

		final Object tracker;

		MinimalWrapper(Object delegate, Object tracker) {
			this.delegate = delegate;
			this.tracker = tracker;
		}

	}

}
