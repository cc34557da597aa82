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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.intercept.logging.LoggingFilterInstaller;
import io.github.quietshutdown.intercept.method.QuietMethodAdvisor;
import io.github.quietshutdown.intercept.thread.QuietUncaughtExceptionHandler;
import io.github.quietshutdown.record.LostTask;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.Failure;
import io.github.quietshutdown.test.Road;
import io.github.quietshutdown.test.Roads;
import io.github.quietshutdown.test.ShutdownRoadsApplication;
import io.github.quietshutdown.test.SignallingHikariDataSource;
import io.github.quietshutdown.test.UserHandlers;

import static io.github.quietshutdown.test.ShutdownOutput.ASYNC_ERROR;
import static io.github.quietshutdown.test.ShutdownOutput.FOREIGN_RECORD;
import static io.github.quietshutdown.test.ShutdownOutput.RAW_THREAD_DIED;
import static io.github.quietshutdown.test.ShutdownOutput.SCHEDULED_ERROR;
import static io.github.quietshutdown.test.ShutdownOutput.WORKER_DIED;
import static io.github.quietshutdown.test.ShutdownOutput.assertNoSymptomOutput;
import static io.github.quietshutdown.test.ShutdownOutput.assertOccurrences;
import static io.github.quietshutdown.test.ShutdownOutput.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real application whose background work takes every road a shutdown symptom can take
 * ({@code @Scheduled}, {@code void @Async}, raw threads, {@code execute()} tasks, foreign
 * threads that only log) while the context closes a real HikariCP pool under it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownRoadsTests {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	// Close what a failed test left open: its threads and JVM-wide handlers must not leak.
	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
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
		assertThat(sent).hasSize(15)
			.allSatisfy((failure) -> assertThat(failure.thrown()).isInstanceOf(CannotGetJdbcConnectionException.class));
		assertThat(statistics.getSuppressed(SymptomSource.SCHEDULED)).isEqualTo(1);
		assertThat(statistics.getSuppressed(SymptomSource.ASYNC)).isEqualTo(2);
		assertThat(statistics.getSuppressed(SymptomSource.THREAD)).isEqualTo(3);
		assertThat(statistics.getSuppressed(SymptomSource.EXECUTOR)).isEqualTo(4);
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(5);
		assertThat(statistics.getSuppressedTotal()).isEqualTo(15);
		// Quiet, never silent: the @Async and execute() tasks that failed did not do their work.
		assertThat(statistics.getTasks(TaskOutcome.FAILED)).isGreaterThanOrEqualTo(2 + 4);
		assertThat(statistics.getLost()).filteredOn((task) -> task.outcome().equals("failed"))
			.extracting(LostTask::task)
			.anySatisfy((task) -> assertThat(task).contains("Roads$Writer.write"));
		assertNoSymptomOutput(output);
	}

	@Test
	void applicationHandlersReceiveEveryRealErrorBeforeAndDuringClose(CapturedOutput output) throws Exception {
		BlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();
		UncaughtExceptionHandler userHandler = (thread, ex) -> uncaught.add(ex);
		UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler(userHandler);
		UserHandlers.clear();
		Map<Road, BlockingQueue<Throwable>> handlers = new EnumMap<>(Road.class);
		handlers.put(Road.SCHEDULED, UserHandlers.scheduled);
		handlers.put(Road.ASYNC, UserHandlers.async);
		handlers.put(Road.THREAD, uncaught);
		SignallingHikariDataSource otherPool = new SignallingHikariDataSource();
		otherPool.close();
		try {
			ConfigurableApplicationContext context = start(List.of(UserHandlers.class));
			Roads roads = context.getBean(Roads.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			assertThat(Thread.getDefaultUncaughtExceptionHandler()).isInstanceOf(QuietUncaughtExceptionHandler.class);
			Map<Road, Failure> duringClose = new EnumMap<>(Road.class);
			for (Road road : handlers.keySet()) {
				// Before shutdown, even what looks like a symptom is a real error.
				Failure real = Failure.throwing(() -> new IllegalArgumentException("before-" + road));
				Failure lookalike = Failure.of(() -> new JdbcTemplate(otherPool).queryForObject("select 1", Integer.class));
				roads.now(road, real);
				roads.now(road, lookalike);
				// Two tasks on a pool of several threads: their errors may arrive in either order.
				List<Throwable> received = new java.util.ArrayList<>();
				received.add(handlers.get(road).poll(10, TimeUnit.SECONDS));
				received.add(handlers.get(road).poll(10, TimeUnit.SECONDS));
				assertThat(received).usingElementComparator((a, b) -> (a == b) ? 0 : 1)
					.containsExactlyInAnyOrder(real.thrown(), lookalike.thrown());
				Failure npe = Failure.throwing(() -> new NullPointerException("during-" + road));
				roads.afterPoolClosed(road, npe);
				roads.afterPoolClosed(road, roads.poolQuery());
				duringClose.put(road, npe);
			}
			context.close();
			duringClose.forEach((road, npe) -> assertThat(handlers.get(road)).containsExactly(npe.thrown()));
			assertThat(statistics.getSuppressed(SymptomSource.SCHEDULED)).isEqualTo(1);
			assertThat(statistics.getSuppressed(SymptomSource.ASYNC)).isEqualTo(1);
			assertThat(statistics.getSuppressed(SymptomSource.THREAD)).isEqualTo(1);
			assertThat(statistics.getSuppressedTotal()).isEqualTo(3);
			assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(userHandler);
			assertNoSymptomOutput(output);
		}
		finally {
			Thread.setDefaultUncaughtExceptionHandler(original);
			UserHandlers.clear();
		}
	}

	@Test
	void realErrorsDuringCloseStayVisibleOnTheirRoad(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Map<String, Function<String, Throwable>> kinds = Map.of("iae", IllegalArgumentException::new, "npe",
				NullPointerException::new, "error", Error::new);
		for (Road road : Road.values()) {
			kinds.forEach((kind, create) -> roads.afterPoolClosed(road,
					Failure.throwing(() -> create.apply("boom-" + road + "-" + kind))));
		}
		context.close();
		assertThat(statistics.getSuppressedTotal()).isZero();
		for (Road road : Road.values()) {
			assertThat(output).contains("java.lang.IllegalArgumentException: boom-" + road + "-iae")
				.contains("java.lang.NullPointerException: boom-" + road + "-npe")
				.contains("java.lang.Error: boom-" + road + "-error");
		}
		assertOccurrences(output, SCHEDULED_ERROR, 3);
		assertOccurrences(output, ASYNC_ERROR, 3);
		assertOccurrences(output, RAW_THREAD_DIED, 3);
		assertOccurrences(output, WORKER_DIED, 3);
		assertOccurrences(output, FOREIGN_RECORD, 3);
	}

	@Test
	void symptomLoggedByALibraryAndRethrownIsCountedOnce(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		for (Road road : List.of(Road.EXECUTE, Road.THREAD, Road.SCHEDULED)) {
			Failure query = roads.poolQuery();
			roads.afterPoolClosed(road, Failure.of(() -> {
				try {
					query.run();
				}
				catch (RuntimeException ex) {
					LoggerFactory.getLogger("org.example.client.Library").error("Query failed", ex);
					throw ex;
				}
			}));
		}
		context.close();
		assertThat(statistics.getSuppressedTotal()).isEqualTo(3);
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(3);
		assertNoSymptomOutput(output);
		assertThat(output).doesNotContain("Query failed");
	}

	@Test
	void withScheduledInterceptionDisabledTheSchedulerLogIsStillFiltered(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.scheduled=false");
		assertThat(context.getBeansOfType(QuietMethodAdvisor.class).values())
			.extracting(QuietMethodAdvisor::getSource)
			.containsExactly(SymptomSource.ASYNC);
		assertSymptomReachesTheLogFilter(context, Road.SCHEDULED, output);
	}

	@Test
	void withAsyncInterceptionDisabledTheAsyncHandlerLogIsStillFiltered(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.async=false");
		assertThat(context.getBeansOfType(QuietMethodAdvisor.class).values())
			.extracting(QuietMethodAdvisor::getSource)
			.containsExactly(SymptomSource.SCHEDULED);
		assertSymptomReachesTheLogFilter(context, Road.ASYNC, output);
	}

	@Test
	void withThreadInterceptionDisabledDyingThreadsPrintTheirSymptom(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.threads=false");
		assertThat(Thread.getDefaultUncaughtExceptionHandler() instanceof QuietUncaughtExceptionHandler).isFalse();
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Roads roads = context.getBean(Roads.class);
		roads.afterPoolClosed(Road.THREAD, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressedTotal()).isZero();
		assertThat(output).contains(RAW_THREAD_DIED).contains("has been closed.").contains("\tat ");
	}

	@Test
	void withLoggingInterceptionDisabledForeignRecordsAreLogged(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.logging=false");
		assertThat(context.getBeansOfType(LoggingFilterInstaller.class)).isEmpty();
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Roads roads = context.getBean(Roads.class);
		roads.afterPoolClosed(Road.LOGGED, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressedTotal()).isZero();
		assertThat(output).contains("Listener container failed").contains("has been closed.").contains("\tat ");
	}

	@Test
	void disabledStarterLeavesEveryRoadAsStock(CapturedOutput output) {
		UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
		ConfigurableApplicationContext context = start("quiet-shutdown.enabled=false");
		assertThat(context.getBeansOfType(ShutdownStatistics.class)).isEmpty();
		assertThat(context.getBeansOfType(QuietMethodAdvisor.class)).isEmpty();
		assertThat(context.getBeansOfType(LoggingFilterInstaller.class)).isEmpty();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
		Roads roads = context.getBean(Roads.class);
		for (Road road : Road.values()) {
			roads.afterPoolClosed(road, roads.poolQuery());
		}
		context.close();
		assertOccurrences(output, SCHEDULED_ERROR, 1);
		assertOccurrences(output, ASYNC_ERROR, 1);
		assertOccurrences(output, RAW_THREAD_DIED, 1);
		assertOccurrences(output, WORKER_DIED, 1);
		assertOccurrences(output, FOREIGN_RECORD, 1);
		assertThat(occurrences(output, "has been closed.")).isGreaterThanOrEqualTo(5);
	}

	private ConfigurableApplicationContext start(String... properties) {
		return start(List.of(), properties);
	}

	private ConfigurableApplicationContext start(List<Class<?>> sources, String... properties) {
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run(sources, properties);
		this.contexts.add(context);
		return context;
	}

	private static void assertSymptomReachesTheLogFilter(ConfigurableApplicationContext context, Road road,
			CapturedOutput output) {
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Roads roads = context.getBean(Roads.class);
		roads.afterPoolClosed(road, roads.poolQuery());
		context.close();
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(1);
		assertThat(statistics.getSuppressedTotal()).isEqualTo(1);
		assertNoSymptomOutput(output);
	}

}
