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

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.intercept.logging.LogbackFilterInstaller;
import io.github.quietshutdown.intercept.logging.LogbackSymptomFilter;
import io.github.quietshutdown.intercept.logging.LoggingFilterInstaller;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.Road;
import io.github.quietshutdown.test.Roads;
import io.github.quietshutdown.test.ShutdownRoadsApplication;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static io.github.quietshutdown.test.ShutdownOutput.assertNoSymptomOutput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Logback filter in a real application whose logging Spring Boot initialised.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogbackSymptomFilterTests {

	private static final Logger foreign = LoggerFactory.getLogger("org.example.netty.EventLoop");

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void onlyWarnAndErrorRecordsWithASymptomDuringShutdownAreDropped(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		assertThat(context.getBean(LoggingFilterInstaller.class)).isInstanceOf(LogbackFilterInstaller.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Throwable symptom = closedPoolFailure();
		foreign.error("before-shutdown", symptom);
		context.getBean(ShutdownState.class).advanceTo(ShutdownPhase.CLOSING);
		foreign.error("dropped-error", symptom);
		foreign.warn("dropped-warn {}", "with-parameter", symptom);
		foreign.atError().setCause(symptom).log("dropped-fluent");
		foreign.info("kept-info", symptom);
		foreign.error("kept-without-throwable");
		foreign.error("kept-real-error", new IllegalStateException("real"));
		assertThat(output).contains("before-shutdown")
			.contains("kept-info")
			.contains("kept-without-throwable")
			.contains("kept-real-error")
			.doesNotContain("dropped-");
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(1);
	}

	@Test
	void filterIsRemovedWhenTheContextHasClosed(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(loggerContext.getTurboFilterList()).hasAtLeastOneElementOfType(LogbackSymptomFilter.class);
		context.close();
		assertThat(loggerContext.getTurboFilterList()).noneMatch(LogbackSymptomFilter.class::isInstance);
		assertThat(loggerContext.getCopyOfListenerList()).noneMatch(LogbackFilterInstaller.class::isInstance);
	}

	@Test
	void eachContextRemovesOnlyItsOwnFilter() {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(loggerContext.getTurboFilterList()).filteredOn(LogbackSymptomFilter.class::isInstance).hasSize(2);
		first.close();
		assertThat(second.getBean(LoggingFilterInstaller.class).isInstalled()).isTrue();
		second.close();
		assertThat(loggerContext.getTurboFilterList()).noneMatch(LogbackSymptomFilter.class::isInstance);
	}

	@Test
	void filterSurvivesSpringBootLoggingInitialisation(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
		loggingSystem.cleanUp();
		loggingSystem.beforeInitialize();
		loggingSystem.initialize(new LoggingInitializationContext(context.getEnvironment()), null, null);
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		roads.afterPoolClosed(Road.LOGGED, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(1);
		assertNoSymptomOutput(output);
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run();
		this.contexts.add(context);
		return context;
	}

	private static Throwable closedPoolFailure() {
		SignallingHikariDataSource pool = new SignallingHikariDataSource();
		pool.close();
		try {
			new JdbcTemplate(pool).queryForObject("select 1", Integer.class);
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new IllegalStateException("The closed pool answered");
	}

}
