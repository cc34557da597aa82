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
import org.springframework.context.event.ContextClosedEvent;

/**
 * The one check, for every listener of the starter, that a {@link ContextClosedEvent} is
 * the close of its own context. The event of a child context (a management context, a
 * bootstrap context) also reaches the listeners of its parents, and is not theirs.
 *
 * @author Quiet Shutdown authors
 */
public final class ContextClosedEvents {

	private ContextClosedEvents() {
	}

	/**
	 * Whether the given event is the {@link ContextClosedEvent} of the given context.
	 * @param event the event, of any type
	 * @param context the context of the listener
	 * @return {@code true} if the given context itself is closing
	 */
	public static boolean isOwn(Object event, ApplicationContext context) {
		return event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context;
	}

}
