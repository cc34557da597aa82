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
package io.github.quietshutdown.task;

import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.DelegatingErrorHandlingRunnable;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every Spring-private name {@link SpringExecutors} holds is still there, on the
 * Spring line this build runs (Boot 3.5 here, Boot 4.0 and 4.1 in the compat modules): a
 * Spring release that renames one fails here, loudly, instead of quietly turning a feature
 * off.
 *
 * @author Quiet Shutdown authors
 */
class SpringExecutorsTests {

	private static final String RENAMED = "Spring renamed or removed it: update SpringExecutors";

	@Test
	void everyExecutorKeepsItsTaskDecoratorInTheFieldTheStarterReads() {
		assertThat(SpringExecutors.DECORATED_TYPES)
			.allSatisfy((type) -> assertThat(SpringExecutors.taskDecoratorField(type))
				.as("%s.%s: %s", type.getName(), SpringExecutors.TASK_DECORATOR, RENAMED)
				.isNotNull());
	}

	@Test
	void threadPoolTaskExecutorKeepsItsDecoratedTaskMap() {
		assertThat(SpringExecutors.decoratedTaskMapField())
			.as("ThreadPoolTaskExecutor.%s: %s", SpringExecutors.DECORATED_TASK_MAP, RENAMED)
			.isNotNull();
	}

	@Test
	void everyPrivateFieldIsThereForTheRuntimeHints() {
		assertThat(SpringExecutors.privateFields()).as("private fields read: %s", RENAMED)
			.hasSize(SpringExecutors.DECORATED_TYPES.size() + 3);
	}

	@Test
	void awaitTerminationPeriodIsReadFromTheExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		assertThat(SpringExecutors.awaitTerminationPeriod(executor)).isNull();
		executor.setAwaitTerminationMillis(1234);
		assertThat(SpringExecutors.awaitTerminationPeriod(executor))
			.as("ExecutorConfigurationSupport.%s: %s", SpringExecutors.AWAIT_TERMINATION_MILLIS, RENAMED)
			.hasMillis(1234);
	}

	@Test
	void aSchedulersQueuedFutureHoldsTheDecoratedTaskInTheFieldTheStarterReads() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		Runnable[] decorated = new Runnable[1];
		scheduler.setTaskDecorator((task) -> decorated[0] = () -> task.run());
		scheduler.initialize();
		try {
			scheduler.schedule(() -> {
			}, Instant.now().plusSeconds(60));
			ScheduledThreadPoolExecutor pool = SpringExecutors.schedulerPool(scheduler);
			assertThat(pool).isNotNull();
			Runnable queued = pool.getQueue().peek();
			assertThat(queued.getClass().getName()).as(SpringExecutors.SCHEDULED_FUTURE + ": " + RENAMED)
				.isEqualTo(SpringExecutors.SCHEDULED_FUTURE);
			assertThat(SpringExecutors.decoratedRunnable(queued))
				.as("%s.%s: %s", SpringExecutors.SCHEDULED_FUTURE, SpringExecutors.DECORATED_RUNNABLE, RENAMED)
				.isSameAs(decorated[0]);
		}
		finally {
			scheduler.shutdown();
		}
	}

	@Test
	void triggerFiringsAreScheduledBySpringsReschedulingRunnable() {
		assertThat(ClassUtils.isPresent(SpringExecutors.RESCHEDULING_RUNNABLE, getClass().getClassLoader()))
			.as(SpringExecutors.RESCHEDULING_RUNNABLE + ": " + RENAMED)
			.isTrue();
	}

	@Test
	void errorHandlingRunnableNamesTheTaskItWraps() {
		Runnable task = () -> {
		};
		DelegatingErrorHandlingRunnable wrapper = new DelegatingErrorHandlingRunnable(task,
				TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER);
		assertThat(wrapper.toString()).as("DelegatingErrorHandlingRunnable.toString(): " + RENAMED)
			.startsWith(SpringExecutors.ERROR_HANDLING_RUNNABLE);
		assertThat(SubmittedTasks.describe(wrapper)).isEqualTo(task.toString());
	}

}
