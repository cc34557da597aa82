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

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Writes audit rows asynchronously, on Spring Boot's application task executor.
 */
@Component
public class AuditWriter {

	private final JdbcTemplate jdbc;

	private final Bookkeeping bookkeeping;

	private final long pauseMillis;

	AuditWriter(JdbcTemplate jdbc, Bookkeeping bookkeeping, @Value("${sample.audit.pause:15ms}") Duration pause) {
		this.jdbc = jdbc;
		this.bookkeeping = bookkeeping;
		this.pauseMillis = pause.toMillis();
	}

	@Async
	public void write(String event) {
		Work.pause(this.pauseMillis);
		this.jdbc.update("insert into audit (event) values (?)", event);
		this.bookkeeping.completed.incrementAndGet();
	}

}
