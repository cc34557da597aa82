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

package io.github.quietshutdown.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownTimelineAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the pre-stop delay: it holds a close by a signal, with readiness refusing
 * traffic and everything else still running, and nothing else.
 */
class PreStopDelayTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
				QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
				QuietShutdownTimelineAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(ReadinessRecorder.class);

	@Test
	void closeBySignalServesForTheDelayWithReadinessRefusingTraffic() {
		this.runner.withPropertyValues("quiet-shutdown.pre-stop.delay=1s").run((context) -> {
			ReadinessRecorder recorder = context.getBean(ReadinessRecorder.class);
			ShutdownTimeline timeline = context.getBean(ShutdownTimeline.class);
			ShutdownState state = context.getBean(ShutdownState.class);
			// As SpringApplication does once the application is ready.
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			long start = System.nanoTime();
			closeOn(context::close, ShutdownBeginListener.SHUTDOWN_HOOK_THREAD);
			long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(tookMs).isGreaterThanOrEqualTo(1_000);
			// Refusing traffic at once, while shutdown proper had not begun.
			assertThat(recorder.events).containsExactly("REFUSING_TRAFFIC@RUNNING");
			ShutdownTimeline.Phase preStop = phase(timeline, ShutdownBeginListener.PRE_STOP);
			assertThat(preStop.startMs()).isLessThan(500);
			assertThat(preStop.durationMs()).isBetween(1_000L, 1_000L + 2_000L);
			assertThat(state.getEntered(ShutdownPhase.CLOSING)).isAfter(timeline.getOrigin().plusMillis(999));
		});
	}

	@Test
	void closeInCodeIsNotDelayed() {
		this.runner.withPropertyValues("quiet-shutdown.pre-stop.delay=20s").run((context) -> {
			ReadinessRecorder recorder = context.getBean(ReadinessRecorder.class);
			ShutdownTimeline timeline = context.getBean(ShutdownTimeline.class);
			long start = System.nanoTime();
			closeOn(context::close, "main-like");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
			assertThat(timeline.isStarted()).isTrue();
			assertThat(timeline.getPhases()).noneMatch((phase) -> phase.name().equals(ShutdownBeginListener.PRE_STOP));
			assertThat(recorder.events).isEmpty();
		});
	}

	@Test
	void closeOfASpringBootTestContextIsNotDelayed() {
		this.runner
			.withPropertyValues("quiet-shutdown.pre-stop.delay=20s",
					"org.springframework.boot.test.context.SpringBootTestContextBootstrapper=true")
			.run((context) -> {
				ReadinessRecorder recorder = context.getBean(ReadinessRecorder.class);
				long start = System.nanoTime();
				closeOn(context::close, ShutdownBeginListener.SHUTDOWN_HOOK_THREAD);
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
				assertThat(recorder.events).isEmpty();
			});
	}

	@Test
	void noDelayByDefaultEvenOnASignal() {
		this.runner.run((context) -> {
			ReadinessRecorder recorder = context.getBean(ReadinessRecorder.class);
			ShutdownTimeline timeline = context.getBean(ShutdownTimeline.class);
			closeOn(context::close, ShutdownBeginListener.SHUTDOWN_HOOK_THREAD);
			assertThat(timeline.isStarted()).isTrue();
			assertThat(timeline.getPhases()).noneMatch((phase) -> phase.name().equals(ShutdownBeginListener.PRE_STOP));
			assertThat(recorder.events).isEmpty();
		});
	}

	@Test
	void signalHookIsRemovedWhenTheContextClosesOrNeverStarts() {
		this.runner.run((context) -> {
			ShutdownBeginListener listener = context.getBean(ShutdownBeginListener.class);
			context.close();
			assertThat(Runtime.getRuntime().removeShutdownHook(listener.getSignalHook())).isFalse();
		});
		this.runner.withUserConfiguration(FailingStartup.class).run((context) -> {
			assertThat(context).hasFailed();
			// The JVM exit would otherwise start a report of a shutdown that never was.
			assertThat(Runtime.getRuntime().removeShutdownHook(FailingStartup.listener.getSignalHook())).isFalse();
		});
	}

	static void closeOn(Runnable close, String threadName) throws InterruptedException {
		Thread thread = new Thread(close, threadName);
		thread.start();
		thread.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(thread.isAlive()).as("close still running").isFalse();
	}

	static ShutdownTimeline.Phase phase(ShutdownTimeline timeline, String name) {
		return timeline.getPhases()
			.stream()
			.filter((phase) -> phase.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in " + timeline.getPhases()));
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingStartup {

		static volatile ShutdownBeginListener listener;

		@Bean
		Object failsAfterTheListener(ShutdownBeginListener quietShutdownBeginListener) {
			listener = quietShutdownBeginListener;
			throw new IllegalStateException("startup fails");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReadinessRecorder {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readinessListener(ShutdownState state) {
			return (event) -> {
				if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
					this.events.add(event.getState() + "@" + state.getPhase());
				}
			};
		}

	}

}
