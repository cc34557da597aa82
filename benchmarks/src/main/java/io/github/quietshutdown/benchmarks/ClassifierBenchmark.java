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

import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.SQLException;
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

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.classify.Symptom;
import io.github.quietshutdown.classify.SymptomClassifier;

/**
 * Cost of the classifier on the exceptional path while the context closes: a cause chain
 * five throwables deep, against the shipped catalogue, with the symptom at the bottom of
 * the chain and with no symptom in it. For scale, {@code stockPrintStackTrace} is what the
 * JDK's uncaught-exception handler does with the same chain when nothing suppresses it
 * (into a stream that discards the bytes, so no I/O is counted).
 *
 * @author Quiet Shutdown authors
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ClassifierBenchmark {

	private SymptomClassifier classifier;

	private Throwable symptomAtBottom;

	private Throwable noSymptom;

	private PrintStream discard;

	/**
	 * Build the chains and a classifier in state {@code CLOSING}.
	 */
	@Setup
	public void setUp() {
		Fixture fixture = new Fixture();
		fixture.state().advanceTo(ShutdownPhase.CLOSING);
		this.classifier = fixture.classifier();
		this.symptomAtBottom = chain(new SQLException(
				"HikariDataSource HikariDataSource (HikariPool-1) has been closed."));
		this.noSymptom = chain(new NullPointerException("Cannot invoke \"Order.id()\" because \"order\" is null"));
		this.discard = new PrintStream(OutputStream.nullOutputStream());
		if (this.classifier.classify(this.symptomAtBottom) == null || this.classifier.classify(this.noSymptom) != null) {
			throw new IllegalStateException("The chains do not classify as intended");
		}
	}

	// Depth 5: four wrappers as a data-access stack adds them, then the root cause. The
	// IllegalStateException is a type the catalogue knows, so its message patterns run.
	private static Throwable chain(Throwable root) {
		Throwable level4 = new IllegalArgumentException("Could not map row 17", root);
		Throwable level3 = new IllegalStateException("Could not process order 42", level4);
		Throwable level2 = new RuntimeException("Query failed", level3);
		return new RuntimeException("Task failed", level2);
	}

	/**
	 * Classify a chain whose root is a symptom.
	 * @return the symptom
	 */
	@Benchmark
	public Symptom classifySymptomAtDepth5() {
		return this.classifier.classify(this.symptomAtBottom);
	}

	/**
	 * Classify a chain that holds no symptom.
	 * @return {@code null}
	 */
	@Benchmark
	public Symptom classifyNoSymptomDepth5() {
		return this.classifier.classify(this.noSymptom);
	}

	/**
	 * Print the symptom chain as the JDK's uncaught-exception handler does.
	 * @return the stream
	 */
	@Benchmark
	public PrintStream stockPrintStackTrace() {
		this.symptomAtBottom.printStackTrace(this.discard);
		return this.discard;
	}

}
