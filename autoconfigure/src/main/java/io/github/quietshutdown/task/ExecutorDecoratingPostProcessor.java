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

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ReflectionUtils;

/**
 * Composes a {@link QuietTaskDecorator} onto every Spring-managed executor and scheduler
 * ({@link ThreadPoolTaskExecutor}, {@link ThreadPoolTaskScheduler},
 * {@link SimpleAsyncTaskExecutor}, {@code SimpleAsyncTaskScheduler},
 * {@link ConcurrentTaskExecutor}), whether Spring Boot built it or the application did.
 * <p>
 * The decorator the executor already has (the application's, or the one Spring Boot
 * chose) is kept and runs inside the quiet one, so the application's decorators still run,
 * in their order. Spring offers no getter for it, so it is read from the executor's
 * {@code taskDecorator} field; if that field ever disappears the executor is left
 * untouched rather than have its decorator overwritten.
 *
 * @author Quiet Shutdown authors
 */
public final class ExecutorDecoratingPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(ExecutorDecoratingPostProcessor.class);

	private final BiFunction<String, Object, TaskDecorator> quietDecorators;

	private final Set<String> excludedBeanNames;

	// The registry of each executor being initialised, for its thread factory.
	private final Map<String, Object> owners = new ConcurrentHashMap<>();

	/**
	 * Create a new post-processor.
	 * @param quietDecorators creates the quiet decorator for an executor, given its bean name
	 * and the executor
	 * @param excludedBeanNames bean names of executors to leave untouched
	 */
	public ExecutorDecoratingPostProcessor(BiFunction<String, Object, TaskDecorator> quietDecorators,
			Set<String> excludedBeanNames) {
		this.quietDecorators = quietDecorators;
		this.excludedBeanNames = excludedBeanNames;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		Class<?> owner = SpringExecutors.DECORATED_TYPES.stream().filter((type) -> type.isInstance(bean)).findFirst().orElse(null);
		if (owner == null || this.excludedBeanNames.contains(beanName)) {
			return bean;
		}
		Field field = SpringExecutors.taskDecoratorField(owner);
		if (field == null) {
			logger.warn("Cannot read the task decorator of " + owner.getName() + " '" + beanName
					+ "'; shutdown symptoms of its tasks will not be suppressed");
			return bean;
		}
		TaskDecorator existing = (TaskDecorator) ReflectionUtils.getField(field, bean);
		if (existing instanceof QuietTaskDecorator) {
			return bean;
		}
		TaskDecorator quiet = this.quietDecorators.apply(beanName, bean);
		if (quiet instanceof QuietTaskDecorator quietDecorator) {
			this.owners.put(beanName, quietDecorator.getTracker().getOwner());
		}
		setTaskDecorator(bean, (existing != null) ? compose(quiet, existing) : quiet);
		if (bean instanceof ThreadPoolTaskExecutor) {
			replaceDecoratedTaskMap(bean, beanName);
		}
		return bean;
	}

	// The existing decorator runs inside the quiet one. CompositeTaskDecorator applies in
	// list order, the last one outermost.
	private static TaskDecorator compose(TaskDecorator quiet, TaskDecorator existing) {
		return (quiet instanceof QuietTaskDecorator quietDecorator) ? quietDecorator.around(existing)
				: new CompositeTaskDecorator(List.of(existing, quiet));
	}

	// See OriginalTaskMap. Left as it is, with a debug line, if the field is not there.
	private static void replaceDecoratedTaskMap(Object executor, String beanName) {
		Field field = SpringExecutors.decoratedTaskMapField();
		if (field == null) {
			logger.debug("ThreadPoolTaskExecutor '" + beanName + "' keeps Spring's decorated-task map");
			return;
		}
		ReflectionUtils.setField(field, executor, new OriginalTaskMap());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.excludedBeanNames.contains(beanName)) {
			return bean;
		}
		// The pools exist once the executors are initialised.
		ThreadPoolExecutor pool = SpringExecutors.threadPool(bean);
		if (pool == null) {
			pool = SpringExecutors.schedulerPool(bean);
		}
		Object owner = this.owners.remove(beanName);
		if (pool != null) {
			RejectionTrackingHandler.install(pool);
			if (owner != null) {
				// Threads are marked as the pool creates them: see TaskThreads.
				pool.setThreadFactory(TaskThreads.marking(pool.getThreadFactory(), owner));
			}
		}
		return bean;
	}

	private static void setTaskDecorator(Object executor, TaskDecorator decorator) {
		if (executor instanceof ThreadPoolTaskExecutor threadPool) {
			threadPool.setTaskDecorator(decorator);
		}
		else if (executor instanceof ThreadPoolTaskScheduler scheduler) {
			scheduler.setTaskDecorator(decorator);
		}
		else if (executor instanceof SimpleAsyncTaskExecutor simple) {
			simple.setTaskDecorator(decorator);
		}
		else if (executor instanceof ConcurrentTaskExecutor concurrent) {
			concurrent.setTaskDecorator(decorator);
		}
	}

}
