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
package io.github.quietshutdown.record;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Live counters by key, created at zero on first use and announced once, so that meters
 * can be bound to them up front. Counts only grow.
 *
 * @param <K> the type of the keys
 * @author Quiet Shutdown authors
 */
final class Counters<K extends Comparable<K>> {

	private final ConcurrentMap<K, LongAdder> counters = new ConcurrentHashMap<>();

	private final BiConsumer<K, LongAdder> created;

	Counters(BiConsumer<K, LongAdder> created) {
		this.created = created;
	}

	LongAdder get(K key) {
		LongAdder counter = this.counters.get(key);
		if (counter == null) {
			LongAdder fresh = new LongAdder();
			counter = this.counters.putIfAbsent(key, fresh);
			if (counter == null) {
				counter = fresh;
				this.created.accept(key, fresh);
			}
		}
		return counter;
	}

	long sum(Predicate<K> keys) {
		return this.counters.entrySet()
			.stream()
			.filter((entry) -> keys.test(entry.getKey()))
			.mapToLong((entry) -> entry.getValue().sum())
			.sum();
	}

	Map<K, Long> snapshot(boolean withZeros) {
		Map<K, Long> snapshot = new TreeMap<>();
		this.counters.forEach((key, count) -> {
			long sum = count.sum();
			if (withZeros || sum > 0) {
				snapshot.put(key, sum);
			}
		});
		return snapshot;
	}

	void forEach(BiConsumer<K, LongAdder> action) {
		this.counters.forEach(action);
	}

}
