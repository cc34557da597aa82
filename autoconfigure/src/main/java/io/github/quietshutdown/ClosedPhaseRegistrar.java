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
package io.github.quietshutdown;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;

/**
 * Moves the {@link ShutdownState} to {@link ShutdownPhase#CLOSED} once every other bean of
 * the context has been destroyed, and records which threads were alive before the
 * application's singletons were created.
 * <p>
 * Singletons are destroyed in the reverse order of their registration as disposable beans.
 * This post-processor registers its marker before any application singleton exists, so the
 * marker is destroyed last.
 *
 * @author Quiet Shutdown authors
 */
public final class ClosedPhaseRegistrar implements BeanFactoryPostProcessor {

	/**
	 * Name under which the marker is registered.
	 */
	public static final String MARKER_NAME = "io.github.quietshutdown.closedPhaseMarker";

	/**
	 * Name under which the ids of the threads alive before any application singleton was
	 * created are registered, as a {@code Set<Long>}.
	 */
	public static final String STARTUP_THREADS_NAME = "io.github.quietshutdown.startupThreads";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsSingleton(STARTUP_THREADS_NAME)) {
			Set<Long> ids = new HashSet<>();
			Thread.getAllStackTraces().keySet().forEach((thread) -> ids.add(thread.getId()));
			beanFactory.registerSingleton(STARTUP_THREADS_NAME, Collections.unmodifiableSet(ids));
		}
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(MARKER_NAME, () -> closeCreatedStates(beanFactory));
		}
	}

	// Only a state that exists: no bean may be created while singletons are destroyed, and
	// a context refreshed for AOT processing creates none.
	private static void closeCreatedStates(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForType(ShutdownState.class, false, false)) {
			if (beanFactory.containsSingleton(name) && beanFactory.getSingleton(name) instanceof ShutdownState state) {
				state.advanceTo(ShutdownPhase.CLOSED);
			}
		}
	}

}
