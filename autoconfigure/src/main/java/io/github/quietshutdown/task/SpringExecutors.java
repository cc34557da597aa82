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
import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ReflectionUtils;

/**
 * Reads what Spring's executors do not expose: the pool behind an executor, and the
 * await-termination period an application gave it.
 *
 * @author Quiet Shutdown authors
 */
public final class SpringExecutors {

	// ExecutorConfigurationSupport's private field, the same in Spring Framework 6.1 to 7.0.
	private static final Field awaitTerminationMillis = ReflectionUtils.findField(ExecutorConfigurationSupport.class,
			"awaitTerminationMillis", long.class);

	static {
		if (awaitTerminationMillis != null) {
			ReflectionUtils.makeAccessible(awaitTerminationMillis);
		}
	}

	private SpringExecutors() {
	}

	/**
	 * Return the pool of an executor, if it has one that has been initialised.
	 * @param executor the executor
	 * @return the pool, or {@code null}
	 */
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
	 * Return the time the executor waits for its tasks when it is destroyed, as the
	 * application set it ({@code setAwaitTerminationMillis}, or Spring Boot's
	 * {@code spring.task.*.shutdown.await-termination-period}).
	 * @param executor the executor
	 * @return the period, or {@code null} if none is set or it cannot be read
	 */
	public static Duration awaitTerminationPeriod(Object executor) {
		if (awaitTerminationMillis == null || !(executor instanceof ExecutorConfigurationSupport)) {
			return null;
		}
		long millis = (long) ReflectionUtils.getField(awaitTerminationMillis, executor);
		return (millis > 0) ? Duration.ofMillis(millis) : null;
	}

}
