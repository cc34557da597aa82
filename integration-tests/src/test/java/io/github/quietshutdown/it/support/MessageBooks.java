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
package io.github.quietshutdown.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.quietshutdown.it.servers.PostgresServer;

/**
 * The books of a messaging test: the ids that the broker confirmed (kept by the test, across
 * the runs of an application) and the ids that a listener processed (kept in PostgreSQL,
 * also marked in Redis). A message that is not acknowledged is redelivered, so in the end
 * every confirmed id is processed, at least once.
 */
public final class MessageBooks {

	private static final String TABLE = "it_message";

	private final Set<String> sent = ConcurrentHashMap.newKeySet();

	private final PostgresServer postgres;

	/**
	 * Create the books, and their table if it does not exist.
	 * @param postgres the database server
	 * @throws SQLException if the table cannot be created
	 */
	public MessageBooks(PostgresServer postgres) throws SQLException {
		this.postgres = postgres;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists " + TABLE + " (id varchar(100) primary key)");
		}
	}

	/**
	 * Record an id that the broker confirmed.
	 * @param id the id
	 */
	public void sent(String id) {
		this.sent.add(id);
	}

	/**
	 * Return how many ids the broker confirmed.
	 * @return the count
	 */
	public int sentCount() {
		return this.sent.size();
	}

	/**
	 * Record a processed message, as a listener does.
	 * @param jdbc the application's JDBC template
	 * @param redis the application's Redis template
	 * @param key the Redis set that marks processed ids
	 * @param id the id
	 */
	public static void processed(JdbcTemplate jdbc, StringRedisTemplate redis, String key, String id) {
		jdbc.update("insert into " + TABLE + " (id) values (?) on conflict do nothing", id);
		redis.opsForSet().add(key, id);
	}

	/**
	 * Wait, with a deadline, until every confirmed id has been processed.
	 * @param timeout the deadline
	 * @return the confirmed ids that were not processed
	 * @throws Exception if the database cannot be read
	 */
	public Set<String> awaitMissing(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		Set<String> missing = missing();
		while (!missing.isEmpty() && System.nanoTime() - deadline < 0) {
			Thread.sleep(100);
			missing = missing();
		}
		return missing;
	}

	private Set<String> missing() throws SQLException {
		Set<String> processed = new HashSet<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select id from " + TABLE)) {
			while (result.next()) {
				processed.add(result.getString(1));
			}
		}
		Set<String> missing = new TreeSet<>(this.sent);
		missing.removeAll(processed);
		return missing;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(), this.postgres.username(), "");
	}

}
