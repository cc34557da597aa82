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
package io.github.quietshutdown.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.drain.QueueWorker;

/**
 * The sample's executors and workers, configured as many services configure them.
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	/**
	 * Report executor that accepts tasks until it is destroyed, so late work is not
	 * rejected; Spring then calls {@code shutdownNow()} on it, dropping its queue.
	 */
	@Bean
	ThreadPoolTaskExecutor reportExecutor(Bookkeeping bookkeeping) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setThreadNamePrefix("report-");
		executor.setAcceptTasksAfterContextClose(true);
		return executor;
	}

	@Bean
	QueueWorker<String> auditTrail(JdbcTemplate jdbc, Bookkeeping bookkeeping) {
		return new QueueWorker<>((event) -> {
			jdbc.update("insert into audit (event) values (?)", event);
			Work.pause(2);
			bookkeeping.completed.incrementAndGet();
		});
	}

	@Bean
	AbandonedTaskHandler countAbandoned(Bookkeeping bookkeeping) {
		return (task) -> bookkeeping.reported.incrementAndGet();
	}

}
