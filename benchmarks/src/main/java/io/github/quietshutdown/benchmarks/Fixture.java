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
package io.github.quietshutdown.benchmarks;

import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.logging.LogLevel;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ReflectionUtils;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.ExecutorDecoratingPostProcessor;
import io.github.quietshutdown.task.QuietTaskDecorator;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * The starter's runtime objects, assembled by hand the way its auto-configuration assembles
 * them, without a Spring context.
 *
 * @author Quiet Shutdown authors
 */
public final class Fixture {

	private final ShutdownState state = new ShutdownState();

	private final ShutdownStatistics statistics = new ShutdownStatistics();

	private final TrackedExecutors executors = new TrackedExecutors(this.state, this.statistics,
			new AbandonedTaskReporter(this.statistics, List::of));

	private final SymptomClassifier classifier = new SymptomClassifier(this.state, SymptomCatalogue.shipped());

	private final SymptomSuppressor suppressor = new SymptomSuppressor(this.classifier, this.statistics,
			LogLevel.OFF);

	/**
	 * Return the shutdown state.
	 * @return the state
	 */
	public ShutdownState state() {
		return this.state;
	}

	/**
	 * Return the statistics.
	 * @return the statistics
	 */
	public ShutdownStatistics statistics() {
		return this.statistics;
	}

	/**
	 * Return the registry of tracked executors.
	 * @return the tracked executors
	 */
	public TrackedExecutors executors() {
		return this.executors;
	}

	/**
	 * Return the suppressor, over the classifier.
	 * @return the suppressor
	 */
	public SymptomSuppressor suppressor() {
		return this.suppressor;
	}

	/**
	 * Return the classifier, over the shipped catalogue.
	 * @return the classifier
	 */
	public SymptomClassifier classifier() {
		return this.classifier;
	}

	/**
	 * Create the quiet decorator of an executor and register the executor for the drain.
	 * @param name the executor bean name
	 * @param executor the executor
	 * @return the decorator
	 */
	public QuietTaskDecorator decorator(String name, Object executor) {
		return new QuietTaskDecorator(name, this.suppressor, this.executors.register(name, executor));
	}

	/**
	 * Replace the map in which a {@link ThreadPoolTaskExecutor} records every decorated task
	 * with one that keeps nothing. For measurements only.
	 * @param executor the executor
	 * @return the executor
	 */
	public static ThreadPoolTaskExecutor withoutDecoratedTaskMap(ThreadPoolTaskExecutor executor) {
		Field field = ReflectionUtils.findField(ThreadPoolTaskExecutor.class, "decoratedTaskMap", Map.class);
		if (field == null) {
			throw new IllegalStateException("ThreadPoolTaskExecutor has no decoratedTaskMap field any more");
		}
		ReflectionUtils.makeAccessible(field);
		ReflectionUtils.setField(field, executor, new ForgetfulMap());
		return executor;
	}

	/**
	 * Create and initialise a {@link ThreadPoolTaskExecutor} of a fixed size, decorated
	 * exactly as the starter's post-processor decorates an executor bean when
	 * {@code quiet} is set.
	 * @param name the bean name
	 * @param threads the pool size
	 * @param quiet whether to apply the starter
	 * @param userDecorator the application's own decorator, or {@code null}
	 * @return the initialised executor
	 */
	public ThreadPoolTaskExecutor executor(String name, int threads, boolean quiet, TaskDecorator userDecorator) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix(name + "-");
		executor.setBeanName(name);
		if (userDecorator != null) {
			executor.setTaskDecorator(userDecorator);
		}
		ExecutorDecoratingPostProcessor postProcessor = new ExecutorDecoratingPostProcessor(
				this::decorator, Set.of());
		if (quiet) {
			postProcessor.postProcessBeforeInitialization(executor, name);
		}
		executor.initialize();
		if (quiet) {
			postProcessor.postProcessAfterInitialization(executor, name);
		}
		return executor;
	}

	private static final class ForgetfulMap extends AbstractMap<Runnable, Object> {

		@Override
		public Object put(Runnable key, Object value) {
			return null;
		}

		@Override
		public Set<Entry<Runnable, Object>> entrySet() {
			return Set.of();
		}

	}

}
