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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.quietshutdown.ShutdownState;

/**
 * The live contexts that installed one JVM-wide road, such as the uncaught-exception
 * handler or a logging filter. A record or dying thread on such a road cannot be tied to
 * one context, so it counts as a shutdown symptom only while every one of them is shutting
 * down: one closing context never hides the errors of another that still runs.
 *
 * @author Quiet Shutdown authors
 */
public final class LiveContexts {

	private final Set<ShutdownState> states = ConcurrentHashMap.newKeySet();

	/**
	 * Add the state of a context that installed the road.
	 * @param state the shutdown state of the context
	 * @return the action that removes it, once the road is released for the context;
	 * running it again has no effect
	 */
	public Runnable register(ShutdownState state) {
		this.states.add(state);
		return () -> this.states.remove(state);
	}

	/**
	 * Whether every context that installed the road is shutting down.
	 * @return {@code true} if each of them is shutting down, or none is registered
	 */
	public boolean isEveryContextShuttingDown() {
		for (ShutdownState state : this.states) {
			if (!state.isShuttingDown()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether no context is registered.
	 * @return {@code true} if none is
	 */
	public boolean isEmpty() {
		return this.states.isEmpty();
	}

}
