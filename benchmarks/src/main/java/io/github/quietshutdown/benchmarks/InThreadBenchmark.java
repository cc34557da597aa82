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

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.github.quietshutdown.task.QuietTaskDecorator;

/**
 * Per-task overhead of the quiet decorator on the normal path, called in-thread:
 * {@code decorate(task).run()} against {@code task.run()}.
 * <p>
 * Both methods hand the runnable they run to the {@link Blackhole} first. In an executor the
 * wrapper escapes into the queue, so it must not be scalar-replaced here either; the bare
 * method does the same so that the difference is the decorator alone. The task increments
 * a counter that the method returns.
 *
 * @author Quiet Shutdown authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class InThreadBenchmark {

	private QuietTaskDecorator decorator;

	private Runnable task;

	private long runs;

	/**
	 * Create the decorator, its tracker registered as the starter registers it.
	 */
	@Setup
	public void setUp() {
		Fixture fixture = new Fixture();
		this.decorator = fixture.decorator("inThread", new Object());
		this.task = () -> this.runs++;
	}

	/**
	 * Run the task itself.
	 * @param blackhole takes the runnable, as a queue would
	 * @return the run count
	 */
	@Benchmark
	public long bare(Blackhole blackhole) {
		Runnable runnable = this.task;
		blackhole.consume(runnable);
		runnable.run();
		return this.runs;
	}

	/**
	 * Decorate the task and run the wrapper.
	 * @param blackhole takes the wrapper, as a queue would
	 * @return the run count
	 */
	@Benchmark
	public long decorated(Blackhole blackhole) {
		Runnable runnable = this.decorator.decorate(this.task);
		blackhole.consume(runnable);
		runnable.run();
		return this.runs;
	}

}
