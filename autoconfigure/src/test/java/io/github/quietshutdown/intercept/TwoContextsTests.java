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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.intercept.logging.LogbackSymptomFilter;
import io.github.quietshutdown.test.ShutdownRoadsApplication;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two live contexts in one JVM share the JVM-wide roads, the uncaught-exception handler
 * and the logging filter: while one closes, the other's errors stay visible.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwoContextsTests {

	private static final Logger foreign = LoggerFactory.getLogger("org.example.netty.EventLoop");

	private final List<Throwable> received = new CopyOnWriteArrayList<>();

	private final UncaughtExceptionHandler applicationHandler = (thread, ex) -> this.received.add(ex);

	private UncaughtExceptionHandler original;

	@BeforeEach
	void installApplicationHandler() {
		this.original = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler(this.applicationHandler);
	}

	@AfterEach
	void restoreDefaultHandler() {
		Thread.setDefaultUncaughtExceptionHandler(this.original);
	}

	@Test
	void whileOneContextClosesTheOtherKeepsItsErrorsAndNothingIsLeftAfterBoth(CapturedOutput output)
			throws Exception {
		ConfigurableApplicationContext closing = ShutdownRoadsApplication.run(List.of(HeldClose.class));
		ConfigurableApplicationContext running = ShutdownRoadsApplication.run();
		HeldClose held = closing.getBean(HeldClose.class);
		CompletableFuture<Void> close = CompletableFuture.runAsync(closing::close);
		try {
			assertThat(held.closing.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(closing.getBean(ShutdownState.class).isShuttingDown()).isTrue();
			RuntimeException symptom = closedPoolFailure();
			foreign.error("running-context-error", symptom);
			die(symptom);
			assertThat(output).contains("running-context-error");
			assertThat(this.received).containsExactly(symptom);
			running.getBean(ShutdownState.class).advanceTo(ShutdownPhase.CLOSING);
			foreign.error("both-closing-error", symptom);
			die(symptom);
			assertThat(output).doesNotContain("both-closing-error");
			assertThat(this.received).containsExactly(symptom);
		}
		finally {
			held.release.countDown();
		}
		close.get(30, TimeUnit.SECONDS);
		running.close();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(this.applicationHandler);
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(loggerContext.getTurboFilterList()).noneMatch(LogbackSymptomFilter.class::isInstance);
		RuntimeException after = closedPoolFailure();
		foreign.error("after-both-closed", after);
		assertThat(output).contains("after-both-closed");
	}

	private static RuntimeException closedPoolFailure() {
		SignallingHikariDataSource pool = new SignallingHikariDataSource();
		pool.close();
		try {
			new JdbcTemplate(pool).queryForObject("select 1", Integer.class);
			throw new IllegalStateException("The closed pool answered");
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return ex;
		}
	}

	private static void die(RuntimeException throwable) throws InterruptedException {
		Thread thread = new Thread(() -> {
			throw throwable;
		}, "dying");
		thread.start();
		thread.join(10_000);
		assertThat(thread.isAlive()).isFalse();
	}

	/**
	 * Holds its context in the middle of closing until released.
	 */
	@Configuration(proxyBeanMethods = false)
	static class HeldClose {

		final CountDownLatch closing = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Bean
		DisposableBean heldCloseGate() {
			return () -> {
				this.closing.countDown();
				this.release.await(30, TimeUnit.SECONDS);
			};
		}

	}

}
