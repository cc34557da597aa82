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
 * @param <C> the type of the logging system's context, which holds the filter
 * @author Quiet Shutdown authors
 */
public abstract class LoggingFilterInstaller<C>
		implements SmartInitializingSingleton, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	// One JVM-wide filter judges records of every context: see LogRecordJudge.
	static final LiveContexts contexts = new LiveContexts();

	private final JvmWideInterceptions interceptions;

	private final ShutdownState state;

	private volatile C loggerContext;

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

	// Returns false if the logging system this installer knows is not the one in use.
	private boolean install() {
		C context = contextInUse();
		if (context == null) {
			return false;
		}
		this.loggerContext = context;
		addTo(context);
		return true;
	}

	private void uninstall() {
		C context = this.loggerContext;
		if (context != null) {
			removeFrom(context);
		}
	}

	/**
	 * Whether the filter is currently part of the logging configuration.
	 * @return {@code true} if it is installed
	 */
	public boolean isInstalled() {
		C context = this.loggerContext;
		return context != null && isIn(context);
	}

	/**
	 * Return the context of the logging system this installer knows, if it is the one in
	 * use.
	 * @return the context, or {@code null} if another logging system is in use
	 */
	protected abstract C contextInUse();

	/**
	 * Add the filter to the given context, if it is not there already, and listen for what
	 * would drop it.
	 * @param context the context of the logging system
	 */
	protected abstract void addTo(C context);

	/**
	 * Remove the filter from the given context, and stop listening to it.
	 * @param context the context of the logging system
	 */
	protected abstract void removeFrom(C context);

	/**
	 * Whether the filter is part of the given context's configuration.
	 * @param context the context of the logging system
	 * @return {@code true} if it is
	 */
	protected abstract boolean isIn(C context);

}
