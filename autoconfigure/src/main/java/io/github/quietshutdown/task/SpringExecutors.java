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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The one home of what the starter reads from Spring's executors that Spring does not
 * expose: private fields, a private class name, and the pools behind the executors. Every
 * such name is here, so that a Spring release that renames one fails
 * {@code SpringExecutorsTests} on that Boot line rather than quietly turning a feature off.
 * Each use degrades safely when a name is missing: the executor is left undecorated, a
 * refused one-shot is reported at close, the drain ignores an await-termination period.
 *
 * @author Quiet Shutdown authors
 */
public final class SpringExecutors {

	/**
	 * The executors whose task decorator the starter composes with its own.
	 */
	static final List<Class<?>> DECORATED_TYPES = List.of(ThreadPoolTaskExecutor.class,
			ThreadPoolTaskScheduler.class, SimpleAsyncTaskExecutor.class, ConcurrentTaskExecutor.class);

	static final String TASK_DECORATOR = "taskDecorator";

	static final String DECORATED_TASK_MAP = "decoratedTaskMap";

	static final String AWAIT_TERMINATION_MILLIS = "awaitTerminationMillis";

	static final String SCHEDULED_FUTURE = "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler$DelegatingRunnableScheduledFuture";

	static final String DECORATED_RUNNABLE = "decoratedRunnable";

	static final String RESCHEDULING_RUNNABLE = "org.springframework.scheduling.concurrent.ReschedulingRunnable";

	// How Spring's DelegatingErrorHandlingRunnable, behind every scheduled task, names
	// itself in toString(): the task it wraps follows.
	static final String ERROR_HANDLING_RUNNABLE = "DelegatingErrorHandlingRunnable for ";

	private static final StackWalker STACK_WALKER = StackWalker.getInstance();

	// From the quiet wrapper's constructor up to ReschedulingRunnable.schedule() there are
	// seven frames on Spring Framework 6.2 and 7.0; room is left for a few more.
	private static final int TRIGGER_FIRING_DEPTH = 16;

	private static final Field awaitTerminationMillis = accessible(
			ReflectionUtils.findField(ExecutorConfigurationSupport.class, AWAIT_TERMINATION_MILLIS, long.class));

	private static final Field decoratedTaskMap = accessible(
			ReflectionUtils.findField(ThreadPoolTaskExecutor.class, DECORATED_TASK_MAP, Map.class));

	@Nullable
	private static final Class<?> scheduledFuture = ClassUtils.isPresent(SCHEDULED_FUTURE,
			SpringExecutors.class.getClassLoader())
					? ClassUtils.resolveClassName(SCHEDULED_FUTURE, SpringExecutors.class.getClassLoader()) : null;

	private static final Field decoratedRunnable = (scheduledFuture != null)
			? accessible(ReflectionUtils.findField(scheduledFuture, DECORATED_RUNNABLE, Runnable.class)) : null;

	private SpringExecutors() {
	}

	/**
	 * Return the private fields the starter reads or writes, as this Spring version has
	 * them, for runtime hints: a field Spring does not have is left out.
	 * @return the fields
	 */
	public static List<Field> privateFields() {
		List<Field> fields = new ArrayList<>();
		DECORATED_TYPES.forEach((type) -> addIfPresent(fields, taskDecoratorField(type)));
		addIfPresent(fields, decoratedTaskMap);
		addIfPresent(fields, awaitTerminationMillis);
		addIfPresent(fields, decoratedRunnable);
		return fields;
	}

	private static void addIfPresent(List<Field> fields, @Nullable Field field) {
		if (field != null) {
			fields.add(field);
		}
	}

	/**
	 * Return the field that holds an executor's task decorator; Spring offers no getter.
	 * @param type one of the {@link #DECORATED_TYPES}
	 * @return the accessible field, or {@code null} if this Spring version has none
	 */
	@Nullable
	static Field taskDecoratorField(Class<?> type) {
		return accessible(ReflectionUtils.findField(type, TASK_DECORATOR, TaskDecorator.class));
	}

	/**
	 * Return the field of {@code ThreadPoolTaskExecutor}'s map from decorated to submitted
	 * tasks: see {@link OriginalTaskMap}.
	 * @return the accessible field, or {@code null} if this Spring version has none
	 */
	@Nullable
	static Field decoratedTaskMapField() {
		return decoratedTaskMap;
	}

	/**
	 * Return the decorated task inside the private {@code DelegatingRunnableScheduledFuture}
	 * that a {@code ThreadPoolTaskScheduler} queues. Read only on rejection and during
	 * shutdown.
	 * @param task the task as the scheduler's pool holds it
	 * @return the decorated task, or {@code null} if the task is no such future or the field
	 * cannot be read
	 */
	@Nullable
	static Object decoratedRunnable(Runnable task) {
		if (decoratedRunnable == null || !(task instanceof RunnableScheduledFuture<?>)
				|| !scheduledFuture.isInstance(task)) {
			return null;
		}
		return ReflectionUtils.getField(decoratedRunnable, task);
	}

	// Spring's ReschedulingRunnable, behind every cron and Trigger task, schedules each
	// firing as a one-shot task of the pool, from its own schedule(). Those firings are
	// periodic in all but form: the scheduler stops triggering at shutdown and nobody
	// handed that work over. Spring passes the decorator nothing else to tell them
	// apart, so the call stack is asked, for a scheduler's one-shot tasks only.
	static boolean isTriggerFiring() {
		return STACK_WALKER.walk((frames) -> frames.limit(TRIGGER_FIRING_DEPTH)
			.anyMatch((frame) -> RESCHEDULING_RUNNABLE.equals(frame.getClassName())));
	}

	/**
	 * Return the pool of an executor, if it has one that has been initialised. A scheduler's
	 * pool is not returned: see {@link #schedulerPool(Object)}.
	 * @param executor the executor
	 * @return the pool, or {@code null}
	 */
	@Nullable
	public static ThreadPoolExecutor threadPool(Object executor) {
		try {
			if (executor instanceof ThreadPoolTaskExecutor threadPool) {
				return threadPool.getThreadPoolExecutor();
			}
			if (executor instanceof ConcurrentTaskExecutor concurrent
					&& concurrent.getConcurrentExecutor() instanceof ThreadPoolExecutor pool) {
				return pool;
			}
		}
		catch (IllegalStateException ex) {
			// Never initialised: nothing is queued.
		}
		return null;
	}

	/**
	 * Return the pool of a {@code ThreadPoolTaskScheduler}, if it has been initialised.
	 * @param executor the executor
	 * @return the pool, or {@code null}
	 */
	@Nullable
	public static ScheduledThreadPoolExecutor schedulerPool(Object executor) {
		try {
			return (executor instanceof ThreadPoolTaskScheduler scheduler) ? scheduler.getScheduledThreadPoolExecutor()
					: null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/**
	 * Return the time the executor waits for its tasks when it is destroyed, as the
	 * application set it ({@code setAwaitTerminationMillis}, or Spring Boot's
	 * {@code spring.task.*.shutdown.await-termination-period}).
	 * @param executor the executor
	 * @return the period, or {@code null} if none is set or it cannot be read
	 */
	@Nullable
	public static Duration awaitTerminationPeriod(Object executor) {
		if (awaitTerminationMillis == null || !(executor instanceof ExecutorConfigurationSupport)) {
			return null;
		}
		long millis = (long) ReflectionUtils.getField(awaitTerminationMillis, executor);
		return (millis > 0) ? Duration.ofMillis(millis) : null;
	}

	@Nullable
	private static Field accessible(@Nullable Field field) {
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		return field;
	}

}
