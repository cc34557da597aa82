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
package io.github.quietshutdown.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.MDC;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.ClassUtils;

/**
 * Observes which task decorators wrap a task, outermost first, by looking at the call
 * stack of the running task. Labels: {@code quiet} for Quiet Shutdown's wrapper, and the
 * label of each {@link LabelledDecorator}.
 */
public final class DecoratorChain {

	/**
	 * Whether the Spring Boot 4 line is on the classpath.
	 */
	public static final boolean BOOT_4 = ClassUtils.isPresent("org.springframework.boot.thread.Threading", null);

	private DecoratorChain() {
	}

	public static List<String> observe(AsyncTaskExecutor executor) throws Exception {
		AtomicReference<List<String>> chain = new AtomicReference<>();
		executor.submit(() -> chain.set(labels(new Throwable().getStackTrace()))).get(10, TimeUnit.SECONDS);
		return chain.get();
	}

	public static List<String> observeScheduled(TaskScheduler scheduler) throws Exception {
		AtomicReference<List<String>> chain = new AtomicReference<>();
		java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
		// A SimpleAsyncTaskScheduler's future completes once the task's thread has started,
		// so wait for the task itself.
		scheduler.schedule(() -> {
			chain.set(labels(new Throwable().getStackTrace()));
			ran.countDown();
		}, Instant.now());
		if (!ran.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Scheduled task did not run within 10 seconds");
		}
		return chain.get();
	}

	public static String mdcSeenBy(AsyncTaskExecutor executor, String key) throws Exception {
		AtomicReference<String> value = new AtomicReference<>();
		executor.submit(() -> value.set(MDC.get(key))).get(10, TimeUnit.SECONDS);
		return value.get();
	}

	private static List<String> labels(StackTraceElement[] stack) {
		List<String> labels = new ArrayList<>();
		java.util.Iterator<String> entered = new ArrayList<>(LabelledRunnable.CURRENT.get()).iterator();
		for (int i = stack.length - 1; i >= 0; i--) {
			String className = stack[i].getClassName();
			if (!"run".equals(stack[i].getMethodName())) {
				continue;
			}
			if (className.endsWith(".task.QuietRunnable")) {
				labels.add("quiet");
			}
			else if (className.endsWith("DecoratorChain$LabelledRunnable")) {
				labels.add(entered.next());
			}
		}
		return labels;
	}

	/**
	 * An MDC-style decorator: copies the submitting thread's MDC to the task, and records its
	 * label so the chain can be observed.
	 */
	public static final class LabelledDecorator implements TaskDecorator {

		private final String label;

		public LabelledDecorator(String label) {
			this.label = label;
		}

		@Override
		public Runnable decorate(Runnable runnable) {
			return new LabelledRunnable(this.label, MDC.getCopyOfContextMap(), runnable);
		}

	}

	static final class LabelledRunnable implements Runnable {

		// Labels of the labelled runnables entered on this thread, outermost first.
		static final ThreadLocal<List<String>> CURRENT = ThreadLocal.withInitial(ArrayList::new);

		private final String label;

		private final Map<String, String> mdc;

		private final Runnable delegate;

		LabelledRunnable(String label, Map<String, String> mdc, Runnable delegate) {
			this.label = label;
			this.mdc = mdc;
			this.delegate = delegate;
		}

		@Override
		public void run() {
			CURRENT.get().add(this.label);
			Map<String, String> previous = MDC.getCopyOfContextMap();
			if (this.mdc != null) {
				MDC.setContextMap(this.mdc);
			}
			try {
				this.delegate.run();
			}
			finally {
				CURRENT.get().remove(CURRENT.get().size() - 1);
				if (previous != null) {
					MDC.setContextMap(previous);
				}
				else {
					MDC.clear();
				}
			}
		}

	}

}
