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
package io.github.quietshutdown.benchmarks.soak;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;

/**
 * The application of one soak cycle: two executors and a scheduler with Spring's defaults, a
 * third executor that accepts tasks after the context closes,
 * a HikariCP pool over an in-memory H2 database of its own, and the starter's
 * auto-configurations. The cycle's {@link Ledger}, the one {@code AbandonedTaskHandler}, is
 * registered as a singleton before refresh.
 *
 * @author Quiet Shutdown authors
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
		QuietShutdownDrainAutoConfiguration.class })
class SoakApplication {

	static final String LEDGER = "soakLedger";

	@Bean
	HikariDataSource dataSource(@Value("${soak.cycle}") int cycle) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:soak" + cycle);
		dataSource.setPoolName("soak" + cycle);
		dataSource.setMaximumPoolSize(3);
		dataSource.setConnectionTimeout(1000);
		return dataSource;
	}

	@Bean
	JdbcTemplate jdbcTemplate(HikariDataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("create table item (id int primary key, payload varchar(16))");
		return jdbc;
	}

	@Bean
	ThreadPoolTaskExecutor ioWorkers() {
		return executor("io-", 4);
	}

	@Bean
	ThreadPoolTaskExecutor dbWorkers() {
		return executor("db-", 2);
	}

	// As with Spring Boot's spring.task.execution.shutdown.accept-tasks-after-context-close:
	// the executor takes no part in the lifecycle stop and is shut down when destroyed.
	@Bean
	ThreadPoolTaskExecutor lateWorkers() {
		ThreadPoolTaskExecutor executor = executor("late-", 2);
		executor.setAcceptTasksAfterContextClose(true);
		return executor;
	}

	@Bean
	ThreadPoolTaskScheduler soakScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("sched-");
		return scheduler;
	}

	private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setThreadNamePrefix(prefix);
		return executor;
	}

}
