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

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Told of new counters and of drains, for example to bind meters.
 *
 * @author Quiet Shutdown authors
 */
public interface StatisticsListener {

	/**
	 * A suppression counter was created.
	 * @param key its key
	 * @param counter the live counter
	 */
	default void suppressionCounter(SuppressionKey key, LongAdder counter) {
	}

	/**
	 * A task counter was created.
	 * @param key its key
	 * @param counter the live counter
	 */
	default void taskCounter(TaskKey key, LongAdder counter) {
	}

	/**
	 * The drain of an executor ended.
	 * @param executor the executor bean name
	 * @param duration how long it took
	 */
	default void drainRecorded(String executor, Duration duration) {
	}

}
