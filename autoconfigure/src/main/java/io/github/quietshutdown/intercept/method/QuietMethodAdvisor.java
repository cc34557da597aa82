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
package io.github.quietshutdown.intercept.method;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Advisor that catches the shutdown symptoms of {@code @Scheduled} or {@code void @Async}
 * methods before Spring logs them.
 * <p>
 * Published as an infrastructure bean, it is applied by the context's auto-proxy creator
 * (Spring Boot registers one unless {@code spring.aop.auto=false}). It leaves the
 * application's {@code AsyncConfigurer}, {@code AsyncUncaughtExceptionHandler} and scheduler
 * {@code ErrorHandler} in place: a throwable that is not suppressed reaches them unchanged.
 * It is ordered first among the auto-proxy advisors, so inner interceptors (such as
 * transactions) finish, and roll back, before a symptom is dropped; Spring's asynchronous
 * execution advisor still runs before it, on the caller's thread.
 * <p>
 * Advisors are created before most beans, so the suppressor is resolved only once every
 * singleton exists, and never again: a method failing after the context has closed must not
 * create beans in it.
 *
 * @author Quiet Shutdown authors
 */
public final class QuietMethodAdvisor extends DefaultPointcutAdvisor implements SmartInitializingSingleton {

	/**
	 * The class that invokes {@code @Scheduled} methods.
	 */
	public static final String SCHEDULED_INVOKER = "org.springframework.scheduling.support.ScheduledMethodRunnable";

	/**
	 * The class that invokes {@code @Async} methods on the executor's thread.
	 */
	public static final String ASYNC_INVOKER = "org.springframework.aop.interceptor.AsyncExecutionInterceptor";

	private final SymptomSuppressingMethodInterceptor interceptor;

	private final Supplier<SymptomSuppressor> suppressor;

	private QuietMethodAdvisor(FrameworkInvokedMethodPointcut pointcut, SymptomSuppressingMethodInterceptor interceptor,
			Supplier<SymptomSuppressor> suppressor) {
		super(pointcut, interceptor);
		this.interceptor = interceptor;
		this.suppressor = suppressor;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	/**
	 * Create the advisor for {@code void @Scheduled} methods.
	 * @param suppressor resolves the suppressor once every singleton exists
	 * @return the advisor
	 */
	public static QuietMethodAdvisor scheduled(Supplier<SymptomSuppressor> suppressor) {
		return new QuietMethodAdvisor(new FrameworkInvokedMethodPointcut(List.of(Scheduled.class, Schedules.class), null),
				new SymptomSuppressingMethodInterceptor(SymptomSource.SCHEDULED, SCHEDULED_INVOKER), suppressor);
	}

	/**
	 * Create the advisor for {@code void @Async} methods. Methods returning a
	 * {@code Future} are not advised: their exception goes to the caller.
	 * @param suppressor resolves the suppressor once every singleton exists
	 * @return the advisor
	 */
	public static QuietMethodAdvisor async(Supplier<SymptomSuppressor> suppressor) {
		return new QuietMethodAdvisor(new FrameworkInvokedMethodPointcut(List.of(Async.class), Async.class),
				new SymptomSuppressingMethodInterceptor(SymptomSource.ASYNC, ASYNC_INVOKER), suppressor);
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.interceptor.setSuppressor(this.suppressor.get());
	}

	/**
	 * Return the road this advisor covers.
	 * @return the source
	 */
	public SymptomSource getSource() {
		return this.interceptor.getSource();
	}

}
