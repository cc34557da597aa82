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
package io.github.quietshutdown.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownTimelineAutoConfiguration;
import io.github.quietshutdown.drain.QueueWorker;

/**
 * An application run as a separate JVM by {@link ShutdownProcessTests}. The first argument
 * selects the scenario; the others are Spring Boot arguments.
 * <ul>
 * <li>{@code lingering-thread}: starts a non-daemon thread that never stops, then closes
 * its context from {@code main};</li>
 * <li>{@code stuck-worker}: a {@link QueueWorker} whose consumer never returns, holding
 * items; waits to be stopped by a signal;</li>
 * <li>{@code budget}: the same, with the time budget, the timeline and the report.</li>
 * </ul>
 */
public final class ShutdownProcessApplication {

	private static final CountDownLatch NEVER = new CountDownLatch(1);

	private ShutdownProcessApplication() {
	}

	public static void main(String[] args) throws Exception {
		String scenario = args[0];
		String[] bootArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(
				scenario.equals("budget") ? BudgetConfig.class : Config.class)
			.web(WebApplicationType.NONE)
			.run(bootArgs);
		if (scenario.equals("lingering-thread")) {
			Thread poller = new Thread(ShutdownProcessApplication::pollForever, "lingering-poller");
			poller.start();
			System.out.println("READY");
			context.close();
			System.out.println("CONTEXT CLOSED");
		}
		else if (scenario.equals("progress")) {
			// A drain of three seconds, and a thread that outlives the context.
			ThreadPoolTaskExecutor slow = context.getBean("slow", ThreadPoolTaskExecutor.class);
			CountDownLatch running = new CountDownLatch(1);
			slow.execute(() -> {
				running.countDown();
				// Simulated work, not synchronisation.
				long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
				while (System.nanoTime() < end) {
					LockSupport.parkNanos(end - System.nanoTime());
				}
			});
			running.await();
			new Thread(ShutdownProcessApplication::pollForever, "lingering-poller").start();
			System.out.println("READY");
		}
		else if (scenario.equals("stuck-worker") || scenario.equals("budget")) {
			// Keeps the JVM alive, as a web server would, until the context closes.
			CountDownLatch closed = new CountDownLatch(1);
			context.addApplicationListener((org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>) (event) -> closed.countDown());
			new Thread(() -> {
				try {
					closed.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "keep-alive").start();
			@SuppressWarnings("unchecked")
			QueueWorker<String> worker = context.getBean(QueueWorker.class);
			for (int i = 0; i < 5; i++) {
				worker.offer("item-" + i);
			}
			System.out.println("READY");
		}
	}

	private static void pollForever() {
		try {
			NEVER.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownTimelineAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
	static class BudgetConfig extends Config {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
			QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
	static class Config {

		@Bean
		QueueWorker<String> stuckWorker() {
			return new QueueWorker<>((item) -> pollForever());
		}

		@Bean
		ThreadPoolTaskExecutor slow() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			return executor;
		}

	}

}
