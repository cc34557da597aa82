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
package io.github.quietshutdown.metrics;

import java.lang.reflect.Method;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

import io.github.quietshutdown.ContextClosedEvents;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;

/**
 * Defers Spring Boot's closing of the meter registries until executors have drained.
 * <p>
 * Spring Boot's {@code MeterRegistryCloser} closes every registry when the context starts to
 * close, before any task has drained: a push registry then publishes for the last time, and
 * nothing counted during shutdown is ever exported. This post-processor wraps that listener
 * (in a subclass proxy, so its type is unchanged) and replays its
 * {@code ContextClosedEvent} once the shutdown state reaches {@link ShutdownPhase#DRAINED}.
 * The drain is bounded by its timeout, and registries are still closed before they are
 * destroyed. Other events and methods go straight through.
 *
 * @author Quiet Shutdown authors
 */
public final class DeferredRegistryClosePostProcessor implements BeanPostProcessor, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(DeferredRegistryClosePostProcessor.class);

	/**
	 * Class names of Spring Boot's listener: on 3.5, on 4.0 and on 4.1.
	 */
	public static final Set<String> CLOSER_CLASSES = Set.of(
			"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration$MeterRegistryCloser",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration$MeterRegistryCloser",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCloser");

	private final ObjectProvider<ShutdownState> state;

	private ApplicationContext context;

	/**
	 * Create a new post-processor.
	 * @param state the shutdown state, resolved when the context closes
	 */
	public DeferredRegistryClosePostProcessor(ObjectProvider<ShutdownState> state) {
		this.state = state;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!CLOSER_CLASSES.contains(bean.getClass().getName())) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			Object[] arguments = invocation.getArguments();
			if ("onApplicationEvent".equals(invocation.getMethod().getName()) && arguments.length == 1
					&& ContextClosedEvents.isOwn(arguments[0], this.context)) {
				ShutdownState shutdownState = this.state.getIfAvailable();
				if (shutdownState != null) {
					Method method = invocation.getMethod();
					shutdownState.onPhase(ShutdownPhase.DRAINED, () -> closeRegistries(bean, method, arguments));
					return null;
				}
			}
			return invocation.proceed();
		});
		return factory.getProxy(bean.getClass().getClassLoader());
	}

	private static void closeRegistries(Object closer, Method method, Object[] arguments) {
		try {
			AopUtils.invokeJoinpointUsingReflection(closer, method, arguments);
		}
		catch (Throwable ex) {
			logger.warn("Closing the meter registries failed", ex);
		}
	}

}
