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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cron and trigger tasks ({@code @Scheduled(cron = ...)}, {@code schedule(task, Trigger)})
 * schedule each firing as a one-shot of the scheduler's pool. The next firing is not work
 * anyone handed over: it must not hold the drain, nor be reported as abandoned or rejected
 * when the scheduler stops triggering.
 */
class TriggerTaskShutdownTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class,
				QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
				QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(Jobs.class)
		.withPropertyValues("quiet-shutdown.drain.timeout=5s");

	@Test
	void cronAndTriggerTasksNeitherHoldTheDrainNorAreReported() {
		this.runner.run(this::closeAfterFirings);
	}

	@Test
	void cronAndTriggerTasksOnASchedulerWithTheApplicationsDecoratorNeitherHoldTheDrainNorAreReported() {
		this.runner.withBean(TaskDecorator.class, () -> (task) -> task).run(this::closeAfterFirings);
	}

	private void closeAfterFirings(org.springframework.context.ConfigurableApplicationContext context)
			throws InterruptedException {
		Jobs jobs = context.getBean(Jobs.class);
		ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		CountDownLatch triggerFirings = new CountDownLatch(3);
		scheduler.schedule(triggerFirings::countDown, new PeriodicTrigger(Duration.ofMillis(20)));
		assertThat(jobs.everySecond.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(triggerFirings.await(5, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		context.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(jobs.reported).isEmpty();
		assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isZero();
		assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Jobs {

		final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

		final CountDownLatch everySecond = new CountDownLatch(1);

		@Scheduled(cron = "* * * * * *")
		void everySecond() {
			this.everySecond.countDown();
		}

		@Scheduled(cron = "0 0 * * * *")
		void hourly() {
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.reported::add;
		}

	}

}
