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

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

/**
 * Moves the {@link ShutdownState} to {@link ShutdownPhase#CLOSING} when its own context
 * closes, before any other listener of the {@link ContextClosedEvent} runs but the one that
 * marks the beginning of shutdown and holds for the pre-stop delay: before executors stop
 * accepting tasks and before meter registries close.
 * <p>
 * The event also reaches parent contexts; the event of another context (a management
 * child context, a bootstrap context) is ignored.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownStateListener
		implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware, Ordered {

	private final ShutdownState state;

	private ApplicationContext applicationContext;

	/**
	 * Create a new listener.
	 * @param state the state to move
	 */
	public ShutdownStateListener(ShutdownState state) {
		this.state = state;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (ContextClosedEvents.isOwn(event, this.applicationContext)) {
			this.state.advanceTo(ShutdownPhase.CLOSING);
		}
	}

	@Override
	public int getOrder() {
		// Right after the listener that starts the timeline and may hold for the pre-stop delay.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
