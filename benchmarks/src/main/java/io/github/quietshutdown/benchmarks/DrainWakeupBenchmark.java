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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.drain.ExecutorDrain;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.task.QuietTaskDecorator;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Drain wake-up latency: from the end of the last task to the return of
 * {@link ExecutorDrain#drain()}.
 * <p>
 * Before each operation (untimed), a fresh executor's tracker and drain are made (a drained
 * executor stays closed, so each drain needs its own), one task is accepted by the quiet
 * decorator and a drainer thread enters {@code drain()}, which parks on the tracker's
 * condition. The timed
 * operation is the end of that last task, run on the benchmark thread through the quiet
 * wrapper exactly as a pool thread runs it, until the drainer has returned from
 * {@code drain()}: the signal, the drainer's wake-up and lock hand-off, and the rest of
 * {@code drain()}. Sampled, so percentiles are reported.
 *
 * @author Quiet Shutdown authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DrainWakeupBenchmark {

	private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Fixture fixture = new Fixture();

	private QuietTaskDecorator decorator;

	private Runnable lastTask;

	private Thread drainer;

	private final SynchronousQueue<ExecutorDrain> go = new SynchronousQueue<>();

	private volatile boolean drained;

	/**
	 * Start the drainer thread.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.drainer = new Thread(this::drainOnRequest, "drainer");
		this.drainer.setDaemon(true);
		this.drainer.start();
	}

	/**
	 * Accept one task and wait until the drainer parks in the drain.
	 * @throws InterruptedException if interrupted
	 */
	@Setup(Level.Invocation)
	public void armDrain() throws InterruptedException {
		ShutdownState state = new ShutdownState();
		state.advanceTo(ShutdownPhase.CLOSING);
		ShutdownStatistics statistics = new ShutdownStatistics();
		TrackedExecutors executors = new TrackedExecutors(state, statistics,
				new AbandonedTaskReporter(statistics, List::of));
		// Registers the tracker the drain waits on.
		this.decorator = new QuietTaskDecorator("drained", this.fixture.suppressor(),
				executors.register("drained", new Object()));
		ExecutorDrain drain = new ExecutorDrain(executors, (name) -> Duration.ofSeconds(30), state, statistics);
		this.lastTask = this.decorator.decorate(() -> {
		});
		this.drained = false;
		if (!this.go.offer(drain, 10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Drainer not ready");
		}
		// The drainer parks on the tracker's condition with a deadline: TIMED_WAITING.
		long deadline = System.nanoTime() + BOUND_NANOS;
		while (this.drainer.getState() != Thread.State.TIMED_WAITING) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Drainer did not start waiting: " + this.drainer.getState());
			}
			Thread.onSpinWait();
		}
	}

	/**
	 * Stop the drainer thread.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.drainer.interrupt();
	}

	/**
	 * End the last task and wait until the drain has returned.
	 * @return {@code true}
	 */
	@Benchmark
	public boolean lastTaskEndToDrainEnd() {
		this.lastTask.run();
		long deadline = System.nanoTime() + BOUND_NANOS;
		while (!this.drained) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Drain did not end within 10 s of the last task");
			}
			Thread.onSpinWait();
		}
		return this.drained;
	}

	private void drainOnRequest() {
		try {
			while (true) {
				this.go.take().drain();
				this.drained = true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
