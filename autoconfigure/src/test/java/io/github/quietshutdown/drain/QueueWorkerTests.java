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
package io.github.quietshutdown.drain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.record.ShutdownStatistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueueWorker}: producers offer items and never call {@code close()}.
 */
class QueueWorkerTests {

	private static final int PRODUCERS = 4;

	private static final int ITEMS_EACH = 250;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
				QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class))
		.withUserConfiguration(AuditTrail.class);

	@Test
	void everyItemOfferedBeforeShutdownIsProcessedBeforeTheDataSourceCloses() {
		this.runner.run((context) -> {
			AuditTrail trail = context.getBean(AuditTrail.class);
			int offered = trail.produce(PRODUCERS, ITEMS_EACH);
			context.close();
			assertThat(offered).isEqualTo(PRODUCERS * ITEMS_EACH);
			assertThat(trail.written).hasValue(offered);
			assertThat(trail.dataSource.rowsAtClose).isEqualTo(offered);
			assertThat(trail.abandoned).isEmpty();
		});
	}

	@Test
	void tooShortTimeoutReportsLeftoversExactly() {
		this.runner.withPropertyValues("quiet-shutdown.drain.executor-timeouts.auditWriter=100ms", "test.write-millis=1")
			.run((context) -> {
				AuditTrail trail = context.getBean(AuditTrail.class);
				ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
				int offered = trail.produce(PRODUCERS, ITEMS_EACH);
				context.close();
				assertThat(trail.abandoned).isNotEmpty();
				assertThat(trail.written.get() + trail.abandoned.size()).isEqualTo(offered);
				assertThat(trail.abandoned).allSatisfy((task) -> {
					assertThat(task.source()).isEqualTo("auditWriter");
					assertThat(task.task()).isInstanceOf(String.class);
					assertThat(task.description()).startsWith("event-");
				});
				assertThat(statistics.getTasks(TaskOutcome.ABANDONED)).isEqualTo(trail.abandoned.size());
			});
	}

	@Test
	void itemsOfferedAfterShutdownAreRefusedToTheCallerAndCountedAsRejected() {
		this.runner.run((context) -> {
			AuditTrail trail = context.getBean(AuditTrail.class);
			ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
			context.close();
			assertThat(trail.auditWriter.offer("event-late")).isFalse();
			// The caller has the false: counted, not reported as work that was not done.
			assertThat(trail.abandoned).isEmpty();
			assertThat(statistics.getTasks(TaskOutcome.REJECTED)).isOne();
		});
	}

	@Test
	void workerThreadIsADaemon() {
		this.runner.run((context) -> {
			AuditTrail trail = context.getBean(AuditTrail.class);
			List<Thread> workers = new ArrayList<>();
			Thread.getAllStackTraces().keySet().stream().filter((thread) -> thread.getName().equals("queue-worker-auditWriter"))
				.forEach(workers::add);
			assertThat(workers).singleElement().satisfies((thread) -> assertThat(thread.isDaemon()).isTrue());
			assertThat(trail.auditWriter.isRunning()).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditTrail {

		final AtomicInteger written = new AtomicInteger();

		final List<AbandonedTask> abandoned = new CopyOnWriteArrayList<>();

		ExecutorDrainTests.RowCountingDataSource dataSource;

		QueueWorker<String> auditWriter;

		@Bean
		ExecutorDrainTests.RowCountingDataSource dataSource() {
			this.dataSource = new ExecutorDrainTests.RowCountingDataSource();
			new JdbcTemplate(this.dataSource).execute("create table done (id varchar(32) primary key)");
			return this.dataSource;
		}

		@Bean
		QueueWorker<String> auditWriter(ExecutorDrainTests.RowCountingDataSource dataSource, Environment environment) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			long millis = environment.getProperty("test.write-millis", Long.class, 0L);
			this.auditWriter = new QueueWorker<>((event) -> {
				jdbc.update("insert into done values (?)", event);
				ExecutorDrainTests.pause(millis);
				this.written.incrementAndGet();
			});
			return this.auditWriter;
		}

		@Bean
		AbandonedTaskHandler collectingHandler() {
			return this.abandoned::add;
		}

		int produce(int producers, int itemsEach) throws InterruptedException {
			AtomicInteger accepted = new AtomicInteger();
			CountDownLatch done = new CountDownLatch(producers);
			for (int p = 0; p < producers; p++) {
				int producer = p;
				Thread thread = new Thread(() -> {
					for (int i = 0; i < itemsEach; i++) {
						if (this.auditWriter.offer("event-" + producer + "-" + i)) {
							accepted.incrementAndGet();
						}
					}
					done.countDown();
				});
				thread.start();
			}
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			return accepted.get();
		}

	}

}
