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

import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Warns once at startup when {@code @Async} or {@code @Scheduled} work runs on an executor
 * that Spring creates as a fallback, outside the context: an executor that is not a bean
 * can be neither tracked nor drained, so work in flight at shutdown would be lost without a
 * word. It resolves the default executor as Spring does (a unique or primary bean of the
 * type, else the bean named {@code taskExecutor} or {@code taskScheduler}), from bean
 * definitions, without creating a bean. An {@code AsyncConfigurer} or
 * {@code SchedulingConfigurer} is the application's own choice and is trusted.
 *
 * @author Quiet Shutdown authors
 */
public final class FallbackExecutorCheck implements BeanFactoryAware, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(FallbackExecutorCheck.class);

	private static final String TASK_EXECUTOR = "taskExecutor";

	private static final String TASK_SCHEDULER = "taskScheduler";

	private ConfigurableListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		checkAsync();
		checkScheduled();
	}

	private void checkAsync() {
		// Found by their proxies, which exist only where @Async is enabled. (Not by the name of
		// the post-processor: it differs between Spring Framework 6 and 7.)
		if (has(AsyncConfigurer.class)) {
			return;
		}
		String user = firstAsyncBean();
		int executors = count(TaskExecutor.class);
		if (user == null || isUniqueOrPrimary(TaskExecutor.class) || isNamed(TASK_EXECUTOR, Executor.class)) {
			return;
		}
		logger.warn("@Async methods of '" + user + "' run on Spring's fallback SimpleAsyncTaskExecutor, which is not a bean ("
				+ ((executors == 0) ? "no TaskExecutor bean" : executors + " TaskExecutor beans")
				+ " and none named 'taskExecutor'): Quiet Shutdown can neither track nor drain their tasks, and a task"
				+ " in flight at shutdown is lost. Name one executor bean 'taskExecutor', set"
				+ " spring.task.execution.mode=force (Spring Boot's applicationTaskExecutor then serves @Async), or declare"
				+ " an AsyncConfigurer that returns an executor bean.");
	}

	private void checkScheduled() {
		if (has(SchedulingConfigurer.class) || !hasScheduledTasks()) {
			return;
		}
		int schedulers = count(TaskScheduler.class);
		boolean resolved = (schedulers > 0) ? isUniqueOrPrimary(TaskScheduler.class) || isNamed(TASK_SCHEDULER, TaskScheduler.class)
				: isUniqueOrPrimary(ScheduledExecutorService.class) || isNamed(TASK_SCHEDULER, ScheduledExecutorService.class);
		if (resolved) {
			return;
		}
		logger.warn("@Scheduled methods run on a single-thread scheduler that Spring creates because no scheduler bean can"
				+ " be chosen (" + ((schedulers == 0) ? "no TaskScheduler bean" : schedulers + " TaskScheduler beans")
				+ " and none named 'taskScheduler'): Quiet Shutdown cannot track it. Name one scheduler bean"
				+ " 'taskScheduler', or declare a SchedulingConfigurer that sets a scheduler bean.");
	}

	private boolean has(Class<?> type) {
		return count(type) > 0;
	}

	private int count(Class<?> type) {
		return this.beanFactory.getBeanNamesForType(type, true, false).length;
	}

	// As BeanFactory.getBean(type) chooses: the only bean, or the one primary bean.
	private boolean isUniqueOrPrimary(Class<?> type) {
		String[] names = this.beanFactory.getBeanNamesForType(type, true, false);
		return names.length == 1 || Arrays.stream(names)
			.filter((name) -> this.beanFactory.containsBeanDefinition(name)
					&& this.beanFactory.getBeanDefinition(name).isPrimary())
			.count() == 1;
	}

	private boolean isNamed(String name, Class<?> type) {
		return this.beanFactory.containsBean(name) && this.beanFactory.isTypeMatch(name, type);
	}

	// A bean proxied for @Async methods, or null if there is none.
	private String firstAsyncBean() {
		for (String name : this.beanFactory.getSingletonNames()) {
			Object bean = this.beanFactory.getSingleton(name);
			if (bean != null && AopUtils.isAopProxy(bean) && bean instanceof Advised advised
					&& Arrays.stream(advised.getAdvisors()).anyMatch(AsyncAnnotationAdvisor.class::isInstance)) {
				return name;
			}
		}
		return null;
	}

	private boolean hasScheduledTasks() {
		return Arrays.stream(this.beanFactory.getBeanNamesForType(ScheduledTaskHolder.class, false, false))
			.map(this.beanFactory::getSingleton)
			.anyMatch((holder) -> holder instanceof ScheduledTaskHolder tasks && !tasks.getScheduledTasks().isEmpty());
	}

}
