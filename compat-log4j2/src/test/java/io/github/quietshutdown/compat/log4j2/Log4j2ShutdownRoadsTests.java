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
package io.github.quietshutdown.compat.log4j2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.intercept.logging.Log4j2FilterInstaller;
import io.github.quietshutdown.intercept.logging.Log4j2SymptomFilter;
import io.github.quietshutdown.intercept.logging.LoggingFilterInstaller;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.Failure;
import io.github.quietshutdown.test.Road;
import io.github.quietshutdown.test.Roads;
import io.github.quietshutdown.test.ShutdownRoadsApplication;
import io.github.quietshutdown.test.SignallingHikariDataSource;

import static io.github.quietshutdown.test.ShutdownOutput.FOREIGN_RECORD;
import static io.github.quietshutdown.test.ShutdownOutput.SCHEDULED_ERROR;
import static io.github.quietshutdown.test.ShutdownOutput.assertNoSymptomOutput;
import static io.github.quietshutdown.test.ShutdownOutput.assertOccurrences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shutdown roads application under Spring Boot's Log4j2 starter, without Logback.
 */
@ExtendWith(OutputCaptureExtension.class)
class Log4j2ShutdownRoadsTests {

	private static final Logger foreign = LoggerFactory.getLogger("org.example.netty.EventLoop");

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void log4j2IsTheLoggingSystemAndLogbackIsAbsent() {
		ConfigurableApplicationContext context = start();
		assertThat(ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", null)).isFalse();
		assertThat(LogManager.getContext(false)).isInstanceOf(LoggerContext.class);
		assertThat(context.getBean(LoggingFilterInstaller.class)).isInstanceOf(Log4j2FilterInstaller.class)
			.satisfies((installer) -> assertThat(installer.isInstalled()).isTrue());
	}

	@Test
	void symptomsOnEveryRoadDuringCloseAreSuppressedAndCountedBySource(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Map<Road, Integer> failures = Map.of(Road.SCHEDULED, 1, Road.ASYNC, 2, Road.THREAD, 3, Road.EXECUTE, 4,
				Road.LOGGED, 5);
		List<Failure> sent = new ArrayList<>();
		failures.forEach((road, count) -> {
			for (int i = 0; i < count; i++) {
				Failure failure = roads.poolQuery();
				roads.afterPoolClosed(road, failure);
				sent.add(failure);
			}
		});
		context.close();
		assertThat(sent)
			.allSatisfy((failure) -> assertThat(failure.thrown()).isInstanceOf(CannotGetJdbcConnectionException.class));
		assertThat(statistics.getSuppressed(SymptomSource.SCHEDULED)).isEqualTo(1);
		assertThat(statistics.getSuppressed(SymptomSource.ASYNC)).isEqualTo(2);
		assertThat(statistics.getSuppressed(SymptomSource.THREAD)).isEqualTo(3);
		assertThat(statistics.getSuppressed(SymptomSource.EXECUTOR)).isEqualTo(4);
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(5);
		assertNoSymptomOutput(output);
	}

	@Test
	void withScheduledInterceptionDisabledTheLog4j2FilterCatchesTheSchedulerRecord(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.scheduled=false");
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Roads roads = context.getBean(Roads.class);
		roads.afterPoolClosed(Road.SCHEDULED, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(1);
		assertNoSymptomOutput(output);
	}

	@Test
	void realErrorsDuringCloseAreLogged(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		roads.afterPoolClosed(Road.LOGGED, Failure.throwing(() -> new IllegalArgumentException("boom-logged")));
		roads.afterPoolClosed(Road.SCHEDULED, Failure.throwing(() -> new NullPointerException("boom-scheduled")));
		context.close();
		assertThat(statistics.getSuppressedTotal()).isZero();
		assertOccurrences(output, FOREIGN_RECORD, 1);
		assertOccurrences(output, SCHEDULED_ERROR, 1);
		assertThat(output).contains("java.lang.IllegalArgumentException: boom-logged")
			.contains("java.lang.NullPointerException: boom-scheduled")
			.contains("\tat ");
	}

	@Test
	void onlyWarnAndErrorRecordsWithASymptomDuringShutdownAreDropped(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		SignallingHikariDataSource pool = new SignallingHikariDataSource();
		pool.close();
		Failure symptom = Failure.of(() -> new JdbcTemplate(pool).queryForObject("select 1", Integer.class));
		Throwable closed = thrownBy(symptom);
		foreign.error("before-shutdown", closed);
		context.getBean(ShutdownState.class).advanceTo(ShutdownPhase.CLOSING);
		foreign.error("dropped-error", closed);
		foreign.warn("dropped-warn {}", "with-parameter", closed);
		foreign.info("kept-info", closed);
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
	void filterIsRemovedWhenTheContextHasClosed() {
		ConfigurableApplicationContext context = start();
		LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
		assertThat(hasSymptomFilter(loggerContext.getConfiguration().getFilter())).isTrue();
		context.close();
		assertThat(hasSymptomFilter(loggerContext.getConfiguration().getFilter())).isFalse();
	}

	@Test
	void filterSurvivesAReconfiguration(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
		loggerContext.reconfigure();
		assertThat(hasSymptomFilter(loggerContext.getConfiguration().getFilter())).isTrue();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		roads.afterPoolClosed(Road.LOGGED, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(1);
		assertNoSymptomOutput(output);
	}

	private ConfigurableApplicationContext start(String... properties) {
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run(properties);
		this.contexts.add(context);
		return context;
	}

	private static Throwable thrownBy(Failure failure) {
		try {
			failure.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new IllegalStateException("No failure");
	}

	private static boolean hasSymptomFilter(Filter filter) {
		if (filter instanceof CompositeFilter composite) {
			for (Filter candidate : composite.getFiltersArray()) {
				if (candidate instanceof Log4j2SymptomFilter) {
					return true;
				}
			}
			return false;
		}
		return filter instanceof Log4j2SymptomFilter;
	}

}
