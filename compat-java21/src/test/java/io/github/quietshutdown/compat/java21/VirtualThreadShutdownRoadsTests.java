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
package io.github.quietshutdown.compat.java21;

import java.lang.Thread.UncaughtExceptionHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.Failure;
import io.github.quietshutdown.test.Road;
import io.github.quietshutdown.test.Roads;
import io.github.quietshutdown.test.ShutdownRoadsApplication;
import io.github.quietshutdown.test.UserHandlers;

import static io.github.quietshutdown.test.ShutdownOutput.ASYNC_ERROR;
import static io.github.quietshutdown.test.ShutdownOutput.FOREIGN_RECORD;
import static io.github.quietshutdown.test.ShutdownOutput.RAW_THREAD_DIED;
import static io.github.quietshutdown.test.ShutdownOutput.assertNoSymptomOutput;
import static io.github.quietshutdown.test.ShutdownOutput.assertOccurrences;
import static io.github.quietshutdown.test.ShutdownOutput.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shutdown roads application with {@code spring.threads.virtual.enabled=true}: Spring
 * Boot's executor and scheduler run every task on a virtual thread, and so do the raw and
 * foreign threads. Compiled for Java 17, run by a Java 21+ JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class VirtualThreadShutdownRoadsTests {

	private static final String[] VIRTUAL = { "spring.threads.virtual.enabled=true", "roads.virtual-threads=true" };

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void runsOnAJvmWithVirtualThreads() {
		assertThat(Runtime.version().feature()).as("Java feature version of the test JVM").isGreaterThanOrEqualTo(21);
	}

	@Test
	void symptomsOnEveryRoadOnVirtualThreadsAreSuppressedAndCountedBySource(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = start(List.of());
		assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class);
		assertThat(context.getBean("taskScheduler")).isInstanceOf(SimpleAsyncTaskScheduler.class);
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
		assertThat(roads.getThreads()).hasSize(15).allSatisfy((thread) -> assertThat(isVirtual(thread)).isTrue());
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
	void applicationHandlersReceiveRealErrorsOnVirtualThreads(CapturedOutput output) {
		BlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();
		UncaughtExceptionHandler userHandler = (thread, ex) -> uncaught.add(ex);
		UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler(userHandler);
		UserHandlers.clear();
		try {
			ConfigurableApplicationContext context = start(List.of(UserHandlers.class));
			Roads roads = context.getBean(Roads.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			Map<Road, BlockingQueue<Throwable>> handlers = new EnumMap<>(Road.class);
			handlers.put(Road.SCHEDULED, UserHandlers.scheduled);
			handlers.put(Road.ASYNC, UserHandlers.async);
			handlers.put(Road.THREAD, uncaught);
			Map<Road, Failure> real = new EnumMap<>(Road.class);
			handlers.keySet().forEach((road) -> {
				Failure npe = Failure.throwing(() -> new NullPointerException("during-" + road));
				roads.afterPoolClosed(road, npe);
				roads.afterPoolClosed(road, roads.poolQuery());
				real.put(road, npe);
			});
			context.close();
			real.forEach((road, npe) -> assertThat(handlers.get(road)).containsExactly(npe.thrown()));
			assertThat(statistics.getSuppressedTotal()).isEqualTo(3);
			assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(userHandler);
			assertNoSymptomOutput(output);
		}
		finally {
			Thread.setDefaultUncaughtExceptionHandler(original);
			UserHandlers.clear();
		}
	}

	// After its shutdown, Spring's virtual-thread scheduler logs task errors at DEBUG itself.
	@Test
	void realErrorsOnVirtualThreadsStayVisible(CapturedOutput output) {
		ConfigurableApplicationContext context = start(List.of(),
				"logging.level.org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler=debug");
		Roads roads = context.getBean(Roads.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		Map<String, Function<String, Throwable>> kinds = Map.of("iae", IllegalArgumentException::new, "error",
				Error::new);
		for (Road road : List.of(Road.SCHEDULED, Road.ASYNC, Road.THREAD, Road.LOGGED)) {
			kinds.forEach((kind, create) -> roads.afterPoolClosed(road,
					Failure.throwing(() -> create.apply("boom-" + road + "-" + kind))));
		}
		context.close();
		assertThat(statistics.getSuppressedTotal()).isZero();
		assertThat(occurrences(output, "Ignoring scheduled task exception after shutdown")).isEqualTo(2);
		assertOccurrences(output, ASYNC_ERROR, 2);
		assertOccurrences(output, RAW_THREAD_DIED, 2);
		assertOccurrences(output, FOREIGN_RECORD, 2);
		assertThat(output).contains("java.lang.IllegalArgumentException: boom-THREAD-iae")
			.contains("java.lang.Error: boom-SCHEDULED-error");
	}

	private ConfigurableApplicationContext start(List<Class<?>> sources, String... properties) {
		List<String> all = new ArrayList<>(List.of(VIRTUAL));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run(sources, all.toArray(new String[0]));
		this.contexts.add(context);
		return context;
	}

	// Thread.isVirtual() is Java 21 API; this module compiles for Java 17.
	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		Method isVirtual = Thread.class.getMethod("isVirtual");
		return (boolean) isVirtual.invoke(thread);
	}

}
