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
package io.github.quietshutdown.classify;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationNotAllowedException;
import org.springframework.core.task.TaskRejectedException;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link SymptomClassifier}.
 */
class SymptomClassifierTests {

	private static final String CLOSED_POOL = "HikariDataSource HikariDataSource (HikariPool-1) has been closed.";

	private final ShutdownState state = new ShutdownState();

	private final SymptomClassifier classifier = new SymptomClassifier(this.state, SymptomCatalogue.shipped());

	@Test
	void symptomWhileRunningIsNotSuppressed() {
		assertThat(this.classifier.classify(new SQLException(CLOSED_POOL))).isNull();
	}

	@Test
	void symptomDuringShutdownIsClassified() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		Symptom symptom = this.classifier.classify(new SQLException(CLOSED_POOL));
		assertThat(symptom).isNotNull();
		assertThat(symptom.signature().getId()).isEqualTo("hikari.pool-closed");
		assertThat(symptom.exceptionName()).isEqualTo("SQLException");
	}

	@Test
	void logRecordIsClassifiedOnlyDuringShutdownForItsLoggerAndChildren() {
		String logger = "org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer";
		String message = "Rejecting received message(s) because the listener container has been stopped: (Body:'[B@1')";
		assertThat(this.classifier.hasLogRecordSignature(logger)).isTrue();
		assertThat(this.classifier.hasLogRecordSignature("org.springframework.amqp.rabbit.listenerx.Other")).isFalse();
		assertThat(this.classifier.classifyLogRecord(logger, message)).isNull();
		this.state.advanceTo(ShutdownPhase.CLOSING);
		Symptom symptom = this.classifier.classifyLogRecord(logger, message);
		assertThat(symptom.signature().getId()).isEqualTo("spring-amqp.listener-stopped-rejecting");
		assertThat(symptom.exceptionName()).isEqualTo("LoggedMessage");
		assertThat(symptom.cause()).hasMessage(message);
		assertThat(this.classifier.classifyLogRecord("org.example.Listener", message)).isNull();
		assertThat(this.classifier.classifyLogRecord(logger, "Consumer raised exception")).isNull();
	}

	@Test
	void logRecordSignaturesNeverMatchThrowables() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		assertThat(this.classifier.classify(new IllegalStateException(
				"Rejecting received message(s) because the listener container has been stopped: x")))
			.isNull();
	}

	@Test
	void symptomDeepInCauseChainIsClassified() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		SQLException root = new SQLException(CLOSED_POOL);
		Exception wrapped = new IllegalStateException("Failed to obtain JDBC Connection",
				new RuntimeException("level 2", new RuntimeException("level 3", root)));
		Symptom symptom = this.classifier.classify(wrapped);
		assertThat(symptom).isNotNull();
		assertThat(symptom.cause()).isSameAs(root);
	}

	@Test
	void symptomInSuppressedExceptionIsClassified() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		Exception top = new IllegalStateException("close failed");
		top.addSuppressed(new InterruptedException("sleep interrupted"));
		assertThat(this.classifier.classify(top).signature().getId()).isEqualTo("jdk.interrupted");
	}

	@Test
	void subclassOfSignatureTypeMatches() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		BeanCreationNotAllowedException ex = new BeanCreationNotAllowedException("lazyThing",
				"Singleton bean creation not allowed while singletons of this factory are in destruction");
		assertThat(this.classifier.classify(ex).signature().getId()).isEqualTo("spring.bean-creation-not-allowed");
		assertThat(this.classifier.classify(new java.nio.channels.ClosedByInterruptException())).isNotNull();
	}

	@Test
	void cyclicCauseChainEnds() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		CyclicException first = new CyclicException("first");
		CyclicException second = new CyclicException("second");
		first.cause = second;
		second.cause = first;
		assertThat(this.classifier.classify(first)).isNull();
		second.addSuppressed(new InterruptedException());
		assertThat(this.classifier.classify(first)).isNotNull();
	}

	@Test
	void errorIsNeverSuppressed() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		assertThat(this.classifier.classify(new OutOfMemoryError("Java heap space"))).isNull();
		assertThat(this.classifier.classify(new StackOverflowError())).isNull();
	}

	@Test
	void symptomCausedByErrorIsNotSuppressed() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		// "Connection pool shut down" also follows an OutOfMemoryError (HTTPCLIENT-2133)
		assertThat(this.classifier.classify(new SQLException(CLOSED_POOL, new OutOfMemoryError()))).isNull();
		assertThat(this.classifier.classify(new ExecutionException(new OutOfMemoryError()))).isNull();
		assertThat(this.classifier.classify(new ExceptionInInitializerError(new SQLException(CLOSED_POOL)))).isNull();
	}

	@Test
	void nonSymptomsDuringShutdownAreNotSuppressed() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		assertThat(this.classifier.classify(new IllegalArgumentException("bad input"))).isNull();
		assertThat(this.classifier.classify(new NullPointerException())).isNull();
		assertThat(this.classifier.classify(new IllegalStateException("has been closed already by the user?"))).isNull();
		assertThat(this.classifier.classify(new SQLException("Connection is not available, request timed out after 30000ms."))).isNull();
		assertThat(this.classifier.classify(null)).isNull();
	}

	@Test
	void rejectionFromFullRunningPoolIsNotSuppressed() throws InterruptedException {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1));
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		try {
			pool.execute(() -> await(release));
			pool.execute(() -> {
			});
			RejectedExecutionException full = catchThrowableOfType(RejectedExecutionException.class,
					() -> pool.execute(() -> {
					}));
			assertThat(full.getMessage()).contains("[Running");
			assertThat(this.classifier.classify(full)).isNull();
			assertThat(this.classifier.classify(new TaskRejectedException(
					"ExecutorService in active state did not accept task: task", full))).isNull();
		}
		finally {
			release.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void rejectionFromShutDownPoolIsSuppressed() throws InterruptedException {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		RejectedExecutionException rejected = catchThrowableOfType(RejectedExecutionException.class,
				() -> pool.execute(() -> {
				}));
		assertThat(this.classifier.classify(rejected).signature().getId()).isEqualTo("jdk.rejected-after-shutdown");
	}

	@Test
	void exactTypeDoesNotMatchSubclasses() {
		this.state.advanceTo(ShutdownPhase.CLOSING);
		assertThat(this.classifier.classify(new java.io.InterruptedIOException()).signature().getId())
			.isEqualTo("jdk.interrupted-io");
		// A read timeout is a real fault, even during shutdown.
		assertThat(this.classifier.classify(new java.net.SocketTimeoutException("Read timed out"))).isNull();
		assertThat(this.classifier.classify(new java.net.SocketException("Closed by interrupt")).signature().getId())
			.isEqualTo("jdk.socket-closed-by-interrupt");
	}

	@Test
	void matchIgnoresState() {
		assertThat(this.classifier.match(new SQLException(CLOSED_POOL))).isNotNull();
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class CyclicException extends RuntimeException {

		private Throwable cause;

		CyclicException(String message) {
			super(message);
		}

		@Override
		public synchronized Throwable getCause() {
			return this.cause;
		}

	}

}
