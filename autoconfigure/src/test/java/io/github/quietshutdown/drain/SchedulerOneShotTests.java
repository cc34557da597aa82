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
package io.github.quietshutdown.drain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;

import static io.github.quietshutdown.test.NamedTask.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One-shot tasks scheduled for later on a {@link ThreadPoolTaskScheduler}: Spring drops them
 * with {@code shutdownNow()} at destroy time, so the drain runs those due before its
 * deadline and reports the others.
 */
class SchedulerOneShotTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(Reminders.class)
		.withPropertyValues("quiet-shutdown.drain.timeout=10s");

	@Test
	void oneShotDueAfterTheDeadlineIsReportedWithoutWaitingForTheDeadline() {
		this.runner.run((context) -> {
			Reminders reminders = context.getBean(Reminders.class);
			AtomicBoolean ran = new AtomicBoolean();
			reminders.scheduler.schedule(named("send reminder #7", () -> ran.set(true)), Instant.now().plusSeconds(60));
			long start = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(ran).isFalse();
			assertThat(reminders.abandoned).singleElement().satisfies((task) -> {
				assertThat(task.description()).isEqualTo("send reminder #7");
				assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
				assertThat(task.source()).isEqualTo("scheduler");
			});
		});
	}

	@Test
	void withoutTheDrainOneShotDroppedAtDestroyIsStillReported() {
		this.runner.withPropertyValues("quiet-shutdown.drain.enabled=false").run((context) -> {
			Reminders reminders = context.getBean(Reminders.class);
			reminders.scheduler.schedule(named("send reminder #8", () -> {
			}), Instant.now().plusSeconds(60));
			context.close();
			assertThat(reminders.abandoned).singleElement().satisfies((task) -> {
				assertThat(task.description()).isEqualTo("send reminder #8");
				assertThat(task.outcome()).isEqualTo(TaskOutcome.ABANDONED);
			});
		});
	}

	@Test
	void oneShotDueBeforeTheDeadlineRunsBeforeResourcesClose() {
		this.runner.run((context) -> {
			Reminders reminders = context.getBean(Reminders.class);
			AtomicBoolean ran = new AtomicBoolean();
			reminders.scheduler.schedule(named("flush", () -> ran.set(true)), Instant.now().plusMillis(300));
			context.close();
			assertThat(ran).isTrue();
			assertThat(reminders.abandoned).isEmpty();
		});
	}

	@Test
	void oneShotScheduledAfterShutdownBeganIsRefusedToTheCallerAndCountedAsRejected() {
		this.runner.run((context) -> {
			Reminders reminders = context.getBean(Reminders.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			context.close();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> reminders.scheduler
				.schedule(named("too late", () -> {
				}), Instant.now().plusSeconds(1)));
			assertThat(reminders.abandoned).isEmpty();
			assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isOne();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Reminders {

		final List<AbandonedTask> abandoned = new CopyOnWriteArrayList<>();

		ThreadPoolTaskScheduler scheduler;

		@Bean
		ThreadPoolTaskScheduler scheduler() {
			this.scheduler = new ThreadPoolTaskScheduler();
			return this.scheduler;
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.abandoned::add;
		}

	}

}
