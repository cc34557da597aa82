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

import java.lang.reflect.Method;
import java.util.Iterator;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.util.ClassUtils;

import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * {@link MethodInterceptor} that drops the shutdown symptom thrown by a {@code void} method
 * when, and only when, the method was invoked by the framework component that would
 * otherwise log it: the scheduler for {@code @Scheduled} methods, the asynchronous execution
 * interceptor for {@code @Async} methods. Any other throwable, and any throwable reaching a
 * caller of the application's own, is rethrown unchanged (the same instance), so the
 * application's {@code ErrorHandler} or {@code AsyncUncaughtExceptionHandler} still gets it.
 * <p>
 * The caller is found on the exceptional path only, by walking the stack past Spring AOP,
 * proxy and reflection frames: a direct call from application code, or a nested call from
 * another intercepted method, keeps its exception.
 *
 * @author Quiet Shutdown authors
 */
final class SymptomSuppressingMethodInterceptor implements MethodInterceptor {

	private static final StackWalker stackWalker = StackWalker.getInstance();

	private final SymptomSource source;

	private final String invokerClassName;

	private volatile SymptomSuppressor suppressor;

	/**
	 * Create a new interceptor that suppresses nothing until its suppressor is set.
	 * @param source the road this interceptor covers
	 * @param invokerClassName the class that invokes intercepted methods on that road
	 */
	SymptomSuppressingMethodInterceptor(SymptomSource source, String invokerClassName) {
		this.source = source;
		this.invokerClassName = invokerClassName;
	}

	/**
	 * Set the suppressor that decides.
	 * @param suppressor the suppressor, or {@code null} to suppress nothing
	 */
	void setSuppressor(SymptomSuppressor suppressor) {
		this.suppressor = suppressor;
	}

	/**
	 * Return the road this interceptor covers.
	 * @return the source
	 */
	SymptomSource getSource() {
		return this.source;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		try {
			return invocation.proceed();
		}
		catch (Throwable ex) {
			if (suppress(invocation.getMethod(), ex)) {
				return null;
			}
			SymptomSuppressor suppressor = this.suppressor;
			if (suppressor != null) {
				suppressor.noteFailure(ex, ClassUtils.getQualifiedMethodName(invocation.getMethod()));
			}
			throw ex;
		}
	}

	private boolean suppress(Method method, Throwable ex) {
		if (method.getReturnType() != void.class) {
			return false;
		}
		SymptomSuppressor suppressor = this.suppressor;
		return suppressor != null && suppressor.isSymptom(ex) && isInvokedByFramework()
				&& suppressor.suppress(this.source, ClassUtils.getQualifiedMethodName(method), ex);
	}

	private boolean isInvokedByFramework() {
		String self = SymptomSuppressingMethodInterceptor.class.getName();
		return stackWalker.walk((frames) -> {
			Iterator<String> callers = frames.map(StackWalker.StackFrame::getClassName)
				.dropWhile((className) -> !className.equals(self))
				.dropWhile((className) -> className.equals(self))
				.iterator();
			while (callers.hasNext()) {
				String className = callers.next();
				if (className.equals(this.invokerClassName)) {
					return true;
				}
				if (!isInvocationPlumbing(className)) {
					return false;
				}
			}
			return false;
		});
	}

	private static boolean isInvocationPlumbing(String className) {
		return className.startsWith("org.springframework.aop.") || className.startsWith("java.lang.reflect.")
				|| className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.invoke.")
				|| className.startsWith("jdk.proxy") || className.startsWith("com.sun.proxy.")
				|| className.contains("$$");
	}

	@Override
	public String toString() {
		return "SymptomSuppressingMethodInterceptor[" + this.source.tagValue() + "]";
	}

}
