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
package io.github.quietshutdown.intercept;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;

import io.github.quietshutdown.JvmExit;

/**
 * Releases what an application context installed JVM-wide (the default uncaught-exception
 * handler, the logging filters) once the context has closed, so that nothing leaks into the
 * next context of the same JVM (tests, DevTools restarts).
 * <p>
 * The release runs after every bean of the context has been destroyed: this post-processor
 * registers its marker before any application singleton exists, so threads and libraries
 * that fail while the {@code DataSource} and the executors are destroyed are still covered.
 * <p>
 * When the context closes because the JVM itself is exiting (a shutdown hook closes it),
 * nothing is released: threads that die and libraries that log after the context has closed
 * but before the JVM halts are still judged as shutdown symptoms, and no other context can
 * start in this JVM any more.
 *
 * @author Quiet Shutdown authors
 */
public final class JvmWideInterceptions implements BeanFactoryPostProcessor {

	/**
	 * Name under which the release marker is registered.
	 */
	public static final String MARKER_NAME = "io.github.quietshutdown.jvmWideInterceptionsMarker";

	private static final Log logger = LogFactory.getLog(JvmWideInterceptions.class);

	private final Deque<Runnable> releases = new ConcurrentLinkedDeque<>();

	private final BooleanSupplier jvmExiting;

	/**
	 * Create a new instance that keeps its interceptions when the JVM is exiting.
	 */
	public JvmWideInterceptions() {
		this(JvmExit::isExiting);
	}

	/**
	 * Create a new instance.
	 * @param jvmExiting tells, when the context has closed, whether the JVM is exiting
	 */
	public JvmWideInterceptions(BooleanSupplier jvmExiting) {
		this.jvmExiting = jvmExiting;
	}

	/**
	 * Register the action that undoes an interception once the context has closed. Actions
	 * run in the reverse order of their registration.
	 * @param release the action
	 */
	public void onRelease(Runnable release) {
		this.releases.push(release);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(MARKER_NAME, this::contextClosed);
		}
	}

	private void contextClosed() {
		if (this.jvmExiting.getAsBoolean()) {
			logger.debug("JVM is exiting: keeping JVM-wide shutdown symptom interceptions installed");
			return;
		}
		for (Runnable release = this.releases.poll(); release != null; release = this.releases.poll()) {
			try {
				release.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to release a JVM-wide shutdown symptom interception", ex);
			}
		}
	}

}
