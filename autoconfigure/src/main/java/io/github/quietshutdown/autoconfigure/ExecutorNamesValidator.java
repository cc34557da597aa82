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
package io.github.quietshutdown.autoconfigure;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.TaskScheduler;

import io.github.quietshutdown.drain.QueueWorker;

/**
 * Checks, once every singleton exists and before the application reports itself started,
 * that each executor bean name in {@code quiet-shutdown.executors.exclude} and
 * {@code quiet-shutdown.drain.executor-timeouts} names an executor: a typo would otherwise
 * silently keep the default.
 *
 * @author Quiet Shutdown authors
 */
final class ExecutorNamesValidator implements SmartInitializingSingleton {

	private static final Class<?>[] EXECUTOR_TYPES = { Executor.class, TaskScheduler.class, QueueWorker.class };

	private final ListableBeanFactory beanFactory;

	private final QuietShutdownProperties properties;

	ExecutorNamesValidator(ListableBeanFactory beanFactory, QuietShutdownProperties properties) {
		this.beanFactory = beanFactory;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> known = knownExecutorNames();
		for (String name : this.properties.getExecutors().getExclude()) {
			check("quiet-shutdown.executors.exclude", name, known);
		}
		for (String name : this.properties.getDrain().getExecutorTimeouts().keySet()) {
			check("quiet-shutdown.drain.executor-timeouts." + name, name, known);
		}
	}

	private static void check(String property, String name, Set<String> known) {
		if (!known.contains(name)) {
			throw new InvalidQuietShutdownPropertyException(property, name,
					"no executor, scheduler or queue worker bean is named '" + name + "' (bean names are "
							+ "case-sensitive); known: " + String.join(", ", known),
					"Use the bean name of one of the known executors, or remove the entry.", null);
		}
	}

	private Set<String> knownExecutorNames() {
		Set<String> names = new TreeSet<>();
		for (Class<?> type : EXECUTOR_TYPES) {
			for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(this.beanFactory, type, true,
					false)) {
				names.add(BeanFactoryUtils.transformedBeanName(name));
				names.addAll(Set.of(this.beanFactory.getAliases(name)));
			}
		}
		return names;
	}

}
