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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.test.DecoratorChain.LabelledDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queued {@code submit()} tasks dropped by Spring's {@code shutdownNow()} are reported, and
 * the futures their callers hold are cancelled as without the starter, whether or not the
 * application has its own decorator.
 */
class DroppedTaskCancellationTests {

	private static final int QUEUED = 5;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class));

	@Test
	void droppedSubmittedTasksAreCancelledAndReported() {
		assertDroppedAndCancelled(Plain.class);
	}

	@Test
	void droppedSubmittedTasksBehindAUserDecoratorAreCancelledAndReported() {
		assertDroppedAndCancelled(Decorated.class);
	}

	private void assertDroppedAndCancelled(Class<?> configuration) {
		this.runner.withUserConfiguration(configuration).run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch running = new CountDownLatch(1);
			executor.execute(() -> {
				running.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> queued = new ArrayList<>();
			for (int i = 0; i < QUEUED; i++) {
				queued.add(executor.submit(() -> {
				}));
			}
			context.close();
			assertThat(queued).allSatisfy((future) -> assertThat(future.isCancelled()).isTrue());
			assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isEqualTo(QUEUED);
		});
	}

	// Late shutdown, no drain: Spring's destroy() calls shutdownNow().
	private static ThreadPoolTaskExecutor lateShutdownExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setAcceptTasksAfterContextClose(true);
		return executor;
	}

	@Configuration(proxyBeanMethods = false)
	static class Plain {

		@Bean
		ThreadPoolTaskExecutor executor() {
			return lateShutdownExecutor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Decorated {

		@Bean
		ThreadPoolTaskExecutor executor() {
			ThreadPoolTaskExecutor executor = lateShutdownExecutor();
			executor.setTaskDecorator(new LabelledDecorator("mdc"));
			return executor;
		}

	}

}
