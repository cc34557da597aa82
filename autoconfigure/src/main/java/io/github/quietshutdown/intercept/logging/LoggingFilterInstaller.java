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
package io.github.quietshutdown.intercept.logging;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import io.github.quietshutdown.ContextClosedEvents;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.intercept.LiveContexts;

/**
 * Installs a logging-system filter for the life of its application context: once the
 * context's singletons exist, again when the context starts closing (in case the logging
 * system was initialised again meanwhile, which drops programmatic filters), and removes it
 * through {@link JvmWideInterceptions} once the context has closed.
 *
 * @author Quiet Shutdown authors
 */
public abstract class LoggingFilterInstaller
		implements SmartInitializingSingleton, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	// One JVM-wide filter judges records of every context: see LogRecordJudge.
	static final LiveContexts contexts = new LiveContexts();

	private final JvmWideInterceptions interceptions;

	private final ShutdownState state;

	private ApplicationContext applicationContext;

	private volatile boolean active;

	/**
	 * Create a new installer.
	 * @param interceptions where the removal is registered
	 * @param state the shutdown state of the context
	 */
	protected LoggingFilterInstaller(JvmWideInterceptions interceptions, ShutdownState state) {
		this.interceptions = interceptions;
		this.state = state;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (install()) {
			this.active = true;
			Runnable unregister = contexts.register(this.state);
			this.interceptions.onRelease(() -> {
				unregister.run();
				release();
			});
		}
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (ContextClosedEvents.isOwn(event, this.applicationContext) && this.active) {
			install();
		}
	}

	private void release() {
		this.active = false;
		uninstall();
	}

	/**
	 * Add the filter to the logging system in use, if it is not there already.
	 * @return {@code false} if the logging system this installer knows is not the one in
	 * use, so nothing was installed
	 */
	protected abstract boolean install();

	/**
	 * Remove the filter from the logging system.
	 */
	protected abstract void uninstall();

	/**
	 * Whether the filter is currently part of the logging configuration.
	 * @return {@code true} if it is installed
	 */
	public abstract boolean isInstalled();

}
