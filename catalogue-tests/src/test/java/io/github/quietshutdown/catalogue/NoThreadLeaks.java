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
package io.github.quietshutdown.catalogue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class that leaves non-daemon threads behind: every library is shut down by
 * its test. Threads still ending are joined (no polling), for a bounded time.
 */
final class NoThreadLeaks implements BeforeAllCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(NoThreadLeaks.class);

	private static final long JOIN_MILLIS = 10_000;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put("before", Set.copyOf(Thread.getAllStackTraces().keySet()));
	}

	@Override
	public void afterAll(ExtensionContext context) throws InterruptedException {
		@SuppressWarnings("unchecked")
		Set<Thread> before = context.getStore(NAMESPACE).get("before", Set.class);
		long deadline = System.currentTimeMillis() + JOIN_MILLIS;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!before.contains(thread) && !thread.isDaemon()) {
				thread.join(Math.max(1, deadline - System.currentTimeMillis()));
			}
		}
		List<String> left = Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> !before.contains(thread) && !thread.isDaemon() && thread.isAlive())
			.map(Thread::getName)
			.collect(Collectors.toList());
		assertThat(left).as("non-daemon threads left running by %s", context.getDisplayName()).isEmpty();
	}

}
