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
package io.github.quietshutdown.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs an application that is busy through shutdown and closes it at a random moment, again
 * and again: the moment comes from a seeded {@link Random} (seed printed; set it with
 * {@code -Dit.seed=N} to replay a run).
 * <p>
 * The application has a {@link Ledger}, {@link ControlErrors} and {@link RawThreads} bean.
 * Each repetition waits until the application is busy, waits a random time, throws the
 * control error of a running application, closes the context (which throws the control
 * error of a closing one), waits for its raw threads and reads what the repetition printed.
 */
public final class BusyShutdown {

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final String application;

	private final long seed;

	private final CapturedOutput output;

	/**
	 * Create runs of an application.
	 * @param application the application's name, for the output
	 * @param defaultSeed the seed unless {@code it.seed} is set
	 * @param output the captured output
	 */
	public BusyShutdown(String application, long defaultSeed, CapturedOutput output) {
		this.application = application;
		this.seed = Long.getLong("it.seed", defaultSeed);
		this.output = output;
	}

	/**
	 * Run the application {@code repetitions} times.
	 * @param repetitions the number of runs
	 * @param maxBusy the longest time the application is busy before the close
	 * @param start starts the application with the given repetition number
	 * @return what each run printed and counted
	 * @throws Exception if a run fails
	 */
	public List<Run> run(int repetitions, Duration maxBusy, Function<Integer, ConfigurableApplicationContext> start)
			throws Exception {
		Random random = new Random(this.seed);
		System.out.printf("[integration-tests] %s: seed %d (replay with -Dit.seed=%d)%n", this.application, this.seed,
				this.seed);
		List<Run> runs = new ArrayList<>();
		for (int i = 1; i <= repetitions; i++) {
			long busy = 50 + random.nextInt((int) maxBusy.toMillis());
			Mark from = mark();
			ConfigurableApplicationContext context = start.apply(i);
			Ledger ledger = context.getBean(Ledger.class);
			RawThreads threads = context.getBean(RawThreads.class);
			awaitBusy(ledger);
			Thread.sleep(busy);
			context.getBean(ControlErrors.class).before();
			context.close();
			Mark closed = mark();
			List<String> lingering = threads.join(BOUND);
			assertThat(lingering).as("raw threads still alive after the close").isEmpty();
			awaitControlDuring(from);
			awaitBalance(ledger);
			Mark end = mark();
			// Each stream apart: logs go to stdout, the JDK's uncaught exception output to stderr.
			List<String> traces = new ArrayList<>(StackTraces.symptoms(from.out(this.output.getOut(), end)));
			traces.addAll(StackTraces.symptoms(from.err(this.output.getErr(), end)));
			List<String> symptoms = new ArrayList<>();
			List<String> afterClose = new ArrayList<>();
			for (String trace : traces) {
				(threads.printedAfterRelease(trace) ? afterClose : symptoms).add(trace);
			}
			String printed = from.out(this.output.getOut(), end) + "\n" + from.err(this.output.getErr(), end);
			List<String> warnings = new ArrayList<>(
					StackTraces.warningsWithoutException(from.out(this.output.getOut(), closed)));
			Run run = new Run(i, busy, printed, symptoms, warnings, ledger);
			System.out.printf("[integration-tests] %s: run %d closed after %d ms busy: %d symptom traces, %s%n",
					this.application, i, busy, symptoms.size(), ledger);
			// Shown, not counted: see RawThreads.
			for (String trace : afterClose) {
				System.out.printf("[integration-tests] %s: run %d, raw thread failed after the context released the starter:%n%s",
						this.application, i, trace);
			}
			runs.add(run);
		}
		return runs;
	}

	private void awaitBusy(Ledger ledger) throws InterruptedException {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (ledger.accepted() == 0) {
			assertThat(System.nanoTime() - deadline).as("%s busy within %s", this.application, BOUND).isNegative();
			Thread.sleep(5);
		}
	}

	private void awaitControlDuring(Mark from) throws InterruptedException {
		// The executor's thread prints the error after the task threw, perhaps after close().
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!StackTraces.hasTraceOf(from.err(this.output.getErr(), mark()), ControlErrors.DURING)
				&& !StackTraces.hasTraceOf(from.out(this.output.getOut(), mark()), ControlErrors.DURING)
				&& System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
	}

	private Mark mark() {
		return new Mark(this.output.getOut().length(), this.output.getErr().length());
	}

	/**
	 * A position in the captured output.
	 *
	 * @param outLength the length of stdout so far
	 * @param errLength the length of stderr so far
	 */
	private record Mark(int outLength, int errLength) {

		String out(String out, Mark to) {
			return out.substring(this.outLength, Math.min(to.outLength, out.length()));
		}

		String err(String err, Mark to) {
			return err.substring(this.errLength, Math.min(to.errLength, err.length()));
		}

	}

	private void awaitBalance(Ledger ledger) throws InterruptedException {
		// A task that was running when close() returned ends on its own a moment later.
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!ledger.balanced() && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
	}

	/**
	 * What one run printed and counted.
	 *
	 * @param number the run's number
	 * @param busyMillis how long the application was busy before the close
	 * @param output what the run printed
	 * @param symptomTraces the stack traces other than the control errors
	 * @param warningsWithoutException the WARN and ERROR lines without an exception, other
	 * than the starter's, printed until the context had closed
	 * @param ledger the application's books
	 */
	public record Run(int number, long busyMillis, String output, List<String> symptomTraces,
			List<String> warningsWithoutException, Ledger ledger) {

		/**
		 * Return how many of the two control errors show with their stack trace.
		 * @return 0, 1 or 2
		 */
		public int visibleControls() {
			return (StackTraces.hasTraceOf(this.output, ControlErrors.BEFORE) ? 1 : 0)
					+ (StackTraces.hasTraceOf(this.output, ControlErrors.DURING) ? 1 : 0);
		}

		@Override
		public String toString() {
			return "run " + this.number + " (closed after " + this.busyMillis + " ms busy)";
		}

	}

}
