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
package io.github.quietshutdown.task;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Replacement for {@code ThreadPoolTaskExecutor}'s private map from each decorated task to
 * the task as submitted. Spring fills that map for every task once any decorator wraps it,
 * and a weak-reference map insert costs far more than the task hand-off itself; Spring only
 * reads it to cancel the submitted task when {@code shutdownNow()} drops the decorated one.
 * For the quiet wrapper the submitted task is kept in a field of the wrapper instead; any
 * other key goes to a map like Spring's own.
 *
 * @author Quiet Shutdown authors
 */
final class OriginalTaskMap extends AbstractMap<Runnable, Object> {

	private final Map<Runnable, Object> others = new ConcurrentReferenceHashMap<>(16,
			ConcurrentReferenceHashMap.ReferenceType.WEAK);

	@Override
	public Object put(Runnable key, Object value) {
		if (key instanceof QuietRunnable quiet) {
			Object previous = quiet.original;
			quiet.original = value;
			return previous;
		}
		return this.others.put(key, value);
	}

	@Override
	public Object get(Object key) {
		if (key instanceof QuietRunnable quiet) {
			return quiet.original;
		}
		return this.others.get(key);
	}

	@Override
	public Object remove(Object key) {
		if (key instanceof QuietRunnable quiet) {
			Object previous = quiet.original;
			quiet.original = null;
			return previous;
		}
		return this.others.remove(key);
	}

	@Override
	public Set<Entry<Runnable, Object>> entrySet() {
		return this.others.entrySet();
	}

}
