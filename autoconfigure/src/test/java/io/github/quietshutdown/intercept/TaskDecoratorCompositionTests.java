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

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.test.DecoratorChain.LabelledDecorator;
import io.github.quietshutdown.test.DecoratorChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quiet decorator is composed with the application's own {@link TaskDecorator}s, on
 * Spring Boot's executors and on the application's, on both Spring Boot lines: the
 * application's decorators still run, in their order, inside the quiet one.
 */
class TaskDecoratorCompositionTests {

	private final ApplicationContextRunner stock = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class));

	private final ApplicationContextRunner quiet = this.stock.withConfiguration(
			AutoConfigurations.of(QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void oneUserDecoratorBeanStillRunsOnBootExecutorAndScheduler() {
		this.quiet.withUserConfiguration(OneDecoratorBean.class).run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			assertThat(DecoratorChain.observe(executor)).containsExactly("quiet", "mdc");
			MDC.put("requestId", "request-42");
			assertThat(DecoratorChain.mdcSeenBy(executor, "requestId")).isEqualTo("request-42");
			ThreadPoolTaskScheduler scheduler = context.getBean("taskScheduler", ThreadPoolTaskScheduler.class);
			assertThat(DecoratorChain.observeScheduled(scheduler)).containsExactly("quiet", "mdc");
		});
	}

	@Test
	void withoutUserDecoratorQuietDecoratorIsAlone() {
		this.quiet.withUserConfiguration(SchedulingEnabled.class).run((context) -> {
			assertThat(DecoratorChain.observe(context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class)))
				.containsExactly("quiet");
			assertThat(DecoratorChain.observeScheduled(context.getBean("taskScheduler", ThreadPoolTaskScheduler.class)))
				.containsExactly("quiet");
		});
	}

	@Test
	void severalUserDecoratorsOnOwnExecutorsRunInTheirOrder() {
		this.quiet.withUserConfiguration(OwnExecutors.class).run((context) -> {
			assertThat(DecoratorChain.observe(context.getBean("ownPool", ThreadPoolTaskExecutor.class)))
				.containsExactly("quiet", "second", "first");
			assertThat(DecoratorChain.observe(context.getBean("ownSimple", SimpleAsyncTaskExecutor.class)))
				.containsExactly("quiet", "second", "first");
			assertThat(DecoratorChain.observeScheduled(context.getBean("ownScheduler", ThreadPoolTaskScheduler.class)))
				.containsExactly("quiet", "second", "first");
			assertThat(DecoratorChain.observeScheduled(context.getBean("ownSimpleScheduler", SimpleAsyncTaskScheduler.class)))
				.containsExactly("quiet", "second", "first");
			MDC.put("requestId", "request-7");
			assertThat(DecoratorChain.mdcSeenBy(context.getBean("ownPool", ThreadPoolTaskExecutor.class), "requestId"))
				.isEqualTo("request-7");
		});
	}

	@Test
	void severalUserDecoratorBeansBehaveExactlyAsWithoutTheStarter() throws Exception {
		List<String> stockChain = observeApplicationTaskExecutor(this.stock);
		List<String> quietChain = observeApplicationTaskExecutor(this.quiet);
		// Spring Boot 4 composes TaskDecorator beans by order (lowest innermost); 3.5 applies
		// one only if it is unique, so none here. The starter changes neither.
		List<String> expected = DecoratorChain.BOOT_4 ? List.of("second", "first") : List.of();
		assertThat(stockChain).isEqualTo(expected);
		assertThat(quietChain).first().isEqualTo("quiet");
		assertThat(quietChain.subList(1, quietChain.size())).isEqualTo(expected);
	}

	private List<String> observeApplicationTaskExecutor(ApplicationContextRunner runner) {
		AtomicReference<List<String>> chain = new AtomicReference<>();
		runner.withUserConfiguration(TwoDecoratorBeans.class)
			.run((context) -> chain.set(DecoratorChain
				.observe(context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class))));
		return chain.get();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingEnabled {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class OneDecoratorBean {

		@Bean
		TaskDecorator mdcTaskDecorator() {
			return new LabelledDecorator("mdc");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDecoratorBeans {

		@Bean
		@Order(1)
		TaskDecorator firstDecorator() {
			return new LabelledDecorator("first");
		}

		@Bean
		@Order(2)
		TaskDecorator secondDecorator() {
			return new LabelledDecorator("second");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnExecutors {

		private static TaskDecorator composite() {
			return new CompositeTaskDecorator(List.of(new LabelledDecorator("first"), new LabelledDecorator("second")));
		}

		@Bean
		ThreadPoolTaskExecutor ownPool() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setTaskDecorator(composite());
			return executor;
		}

		@Bean
		SimpleAsyncTaskExecutor ownSimple() {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("own-simple-");
			executor.setTaskDecorator(composite());
			return executor;
		}

		@Bean
		ThreadPoolTaskScheduler ownScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setTaskDecorator(composite());
			return scheduler;
		}

		@Bean
		SimpleAsyncTaskScheduler ownSimpleScheduler() {
			SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
			scheduler.setTaskDecorator(composite());
			return scheduler;
		}

	}

}
