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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ClassUtils;

/**
 * A workload whose shutdown is busy: tasks queued until the lifecycle stop phase begins, half of them
 * querying a pool that has been closed (a real shutdown symptom), half writing to a live one.
 */
@Configuration(proxyBeanMethods = false)
public class NoisyShutdown implements SmartLifecycle {

	public final AtomicInteger completed = new AtomicInteger();

	private final CountDownLatch gate = new CountDownLatch(1);

	private ThreadPoolTaskExecutor workers;

	private SignallingHikariDataSource closedPool;

	@Bean
	ThreadPoolTaskExecutor workers() {
		this.workers = new ThreadPoolTaskExecutor();
		this.workers.setCorePoolSize(2);
		this.workers.setThreadNamePrefix("noisy-");
		return this.workers;
	}

	/**
	 * Queue tasks that run once the context starts closing.
	 * @param symptoms tasks that hit a closed pool
	 * @param writes tasks that complete normally
	 */
	public void queue(int symptoms, int writes) {
		this.closedPool = new SignallingHikariDataSource();
		this.closedPool.close();
		JdbcTemplate closed = new JdbcTemplate(this.closedPool);
		for (int i = 0; i < symptoms; i++) {
			this.workers.execute(() -> {
				awaitGate();
				this.completed.incrementAndGet();
				closed.queryForObject("select 1", Integer.class);
			});
		}
		for (int i = 0; i < writes; i++) {
			this.workers.execute(() -> {
				awaitGate();
				this.completed.incrementAndGet();
			});
		}
	}

	private void awaitGate() {
		try {
			this.gate.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private volatile boolean running;

	@Override
	public void start() {
		this.running = true;
	}

	// The first lifecycle bean to stop: after every ContextClosedEvent listener, before the
	// drain.
	@Override
	public void stop() {
		this.running = false;
		this.gate.countDown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	/**
	 * Return the metrics auto-configuration of the Spring Boot line on the classpath.
	 * @return the auto-configurations
	 */
	public static AutoConfigurations metricsAutoConfiguration() {
		String name = DecoratorChain.BOOT_4 ? "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"
				: "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration";
		return AutoConfigurations.of(ClassUtils.resolveClassName(name, null));
	}

}
