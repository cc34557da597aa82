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

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A real HikariCP pool over an in-memory H2 database that tells tests when it has closed.
 */
public class SignallingHikariDataSource extends HikariDataSource {

	private final CountDownLatch closed = new CountDownLatch(1);

	public SignallingHikariDataSource() {
		setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		setUsername("sa");
		setMaximumPoolSize(4);
	}

	@Override
	public void close() {
		super.close();
		this.closed.countDown();
	}

	/**
	 * Wait, at most ten seconds, until the pool has closed.
	 */
	public void awaitClosed() {
		try {
			if (!this.closed.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("DataSource was not closed within 10 seconds");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
