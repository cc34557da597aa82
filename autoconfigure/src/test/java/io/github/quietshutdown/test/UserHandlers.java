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
package io.github.quietshutdown.test;

import java.lang.reflect.Method;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.util.ErrorHandler;

/**
 * The application's own error handlers: an {@link AsyncUncaughtExceptionHandler} through
 * its own {@link AsyncConfigurer}, and an {@link ErrorHandler} on the scheduler, whichever
 * kind Spring Boot builds. Each records what it receives.
 */
@Configuration(proxyBeanMethods = false)
public class UserHandlers {

	/**
	 * What the application's async handler received.
	 */
	public static final BlockingQueue<Throwable> async = new LinkedBlockingQueue<>();

	/**
	 * What the application's scheduler error handler received.
	 */
	public static final BlockingQueue<Throwable> scheduled = new LinkedBlockingQueue<>();

	@Bean
	AsyncConfigurer userAsyncConfigurer() {
		return new AsyncConfigurer() {

			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return (Throwable ex, Method method, Object... params) -> async.add(ex);
			}

		};
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer userErrorHandler() {
		return (scheduler) -> scheduler.setErrorHandler(scheduled::add);
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer userVirtualErrorHandler() {
		return (scheduler) -> scheduler.setErrorHandler(scheduled::add);
	}

	/**
	 * Forget what was recorded.
	 */
	public static void clear() {
		async.clear();
		scheduled.clear();
	}

}
