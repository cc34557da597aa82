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
package io.github.quietshutdown.intercept;

import java.lang.Thread.UncaughtExceptionHandler;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.intercept.thread.QuietUncaughtExceptionHandler;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuietUncaughtExceptionHandler}: real threads dying, no context.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietUncaughtExceptionHandlerTests {

	private UncaughtExceptionHandler original;

	private final List<Throwable> received = new CopyOnWriteArrayList<>();

	private final UncaughtExceptionHandler applicationHandler = (thread, ex) -> this.received.add(ex);

	private final ShutdownState state = new ShutdownState();

	private final ShutdownStatistics statistics = new ShutdownStatistics();

	private final SymptomSuppressor suppressor = new SymptomSuppressor(
			new SymptomClassifier(this.state, SymptomCatalogue.shipped()), this.statistics, LogLevel.OFF);

	@BeforeEach
	void rememberDefaultHandler() {
		this.original = Thread.getDefaultUncaughtExceptionHandler();
	}

	@AfterEach
	void restoreDefaultHandler() {
		Thread.setDefaultUncaughtExceptionHandler(this.original);
	}

	@Test
	void symptomDuringShutdownIsSuppressedAndEverythingElseGoesToThePreviousHandler() throws Exception {
		Thread.setDefaultUncaughtExceptionHandler(this.applicationHandler);
		Runnable release = QuietUncaughtExceptionHandler.register(this.suppressor);
		try {
			this.state.advanceTo(ShutdownPhase.CLOSING);
			RuntimeException symptom = closedPool();
			IllegalArgumentException real = new IllegalArgumentException("real");
			die(symptom, null);
			die(real, null);
			assertThat(this.received).containsExactly(real);
			assertThat(this.statistics.getSuppressed(SymptomSource.THREAD)).isEqualTo(1);
		}
		finally {
			release.run();
		}
	}

	@Test
	void symptomBeforeShutdownGoesToThePreviousHandler() throws Exception {
		Thread.setDefaultUncaughtExceptionHandler(this.applicationHandler);
		Runnable release = QuietUncaughtExceptionHandler.register(this.suppressor);
		try {
			RuntimeException symptom = closedPool();
			die(symptom, null);
			assertThat(this.received).containsExactly(symptom);
			assertThat(this.statistics.getSuppressedTotal()).isZero();
		}
		finally {
			release.run();
		}
	}

	@Test
	void perThreadHandlersAreLeftAlone() throws Exception {
		Runnable release = QuietUncaughtExceptionHandler.register(this.suppressor);
		try {
			this.state.advanceTo(ShutdownPhase.CLOSING);
			RuntimeException symptom = closedPool();
			die(symptom, this.applicationHandler);
			assertThat(this.received).containsExactly(symptom);
			assertThat(this.statistics.getSuppressedTotal()).isZero();
		}
		finally {
			release.run();
		}
	}

	@Test
	void withoutPreviousHandlerRealErrorsArePrintedAsByTheJdk(CapturedOutput output) throws Exception {
		Thread.setDefaultUncaughtExceptionHandler(null);
		Runnable release = QuietUncaughtExceptionHandler.register(this.suppressor);
		try {
			this.state.advanceTo(ShutdownPhase.CLOSING);
			die(new IllegalStateException("real-error"), null);
			assertThat(output.getErr()).startsWith("Exception in thread \"dying\" java.lang.IllegalStateException: real-error")
				.contains("\tat ");
		}
		finally {
			release.run();
		}
	}

	@Test
	void previousHandlerIsRestoredWhenTheLastContextIsReleased() {
		Thread.setDefaultUncaughtExceptionHandler(this.applicationHandler);
		Runnable first = QuietUncaughtExceptionHandler.register(this.suppressor);
		Runnable second = QuietUncaughtExceptionHandler.register(this.suppressor);
		UncaughtExceptionHandler installed = Thread.getDefaultUncaughtExceptionHandler();
		assertThat(installed).isInstanceOf(QuietUncaughtExceptionHandler.class);
		assertThat(((QuietUncaughtExceptionHandler) installed).getPrevious()).isSameAs(this.applicationHandler);
		first.run();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(installed);
		first.run();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(installed);
		second.run();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(this.applicationHandler);
	}

	@Test
	void handlerSetByTheApplicationAfterInstallationIsComposedAndKept() throws Exception {
		Runnable first = QuietUncaughtExceptionHandler.register(this.suppressor);
		Thread.setDefaultUncaughtExceptionHandler(this.applicationHandler);
		Runnable second = QuietUncaughtExceptionHandler.register(this.suppressor);
		try {
			this.state.advanceTo(ShutdownPhase.CLOSING);
			die(closedPool(), null);
			assertThat(this.received).isEmpty();
			assertThat(this.statistics.getSuppressed(SymptomSource.THREAD)).isEqualTo(1);
		}
		finally {
			first.run();
			second.run();
		}
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(this.applicationHandler);
	}

	private static RuntimeException closedPool() {
		return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLException("HikariDataSource HikariDataSource (HikariPool-1) has been closed."));
	}

	private static void die(RuntimeException throwable, UncaughtExceptionHandler ownHandler)
			throws InterruptedException {
		Thread thread = new Thread(() -> {
			throw throwable;
		}, "dying");
		if (ownHandler != null) {
			thread.setUncaughtExceptionHandler(ownHandler);
		}
		thread.start();
		thread.join(10_000);
		assertThat(thread.isAlive()).isFalse();
	}

}
