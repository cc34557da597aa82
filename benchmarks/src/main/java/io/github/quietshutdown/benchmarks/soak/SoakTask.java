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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One unit of work: a small file write or a query through HikariCP, and a random sleep,
 * as the daemon threads of the classic shutdown reproducer do. Failures propagate, as in
 * application code, so that the starter has to deal with them; only a task that asks for
 * it catches and counts its own. The task records that it ran whatever happens.
 *
 * @author Quiet Shutdown authors
 */
final class SoakTask implements Runnable {

	private static final byte[] PAYLOAD = "quiet shutdown soak payload\n".repeat(8).getBytes(StandardCharsets.UTF_8);

	private final int id;

	private final boolean database;

	private final Workload workload;

	private final boolean catchesOwnFailures;

	SoakTask(int id, boolean database, Workload workload, boolean catchesOwnFailures) {
		this.id = id;
		this.database = database;
		this.workload = workload;
		this.catchesOwnFailures = catchesOwnFailures;
	}

	@Override
	public void run() {
		try {
			work();
		}
		catch (RuntimeException ex) {
			this.workload.failed().incrementAndGet();
			if (!this.catchesOwnFailures) {
				throw ex;
			}
		}
		finally {
			this.workload.ledger().ran(this.id);
		}
	}

	private void work() {
		if (this.database) {
			JdbcTemplate jdbc = this.workload.jdbc();
			jdbc.update("insert into item (id, payload) values (?, ?)", this.id, "soak");
			jdbc.queryForObject("select count(*) from item", Long.class);
		}
		else {
			Path file = this.workload.directory().resolve("task-" + this.id);
			try {
				Files.write(file, PAYLOAD);
				Files.size(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not write " + file, ex);
			}
		}
		// Mostly short, sometimes slow enough to outlive a short drain.
		ThreadLocalRandom random = ThreadLocalRandom.current();
		pause((random.nextInt(10) == 0) ? 20 + random.nextInt(60) : random.nextInt(15));
	}

	// Simulated work, not synchronisation.
	static void pause(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while working", ex);
		}
	}

	@Override
	public String toString() {
		return "soak#" + this.id;
	}

	/**
	 * What the tasks of one cycle share.
	 *
	 * @param ledger where outcomes are recorded
	 * @param jdbc the template over the cycle's pool
	 * @param directory the cycle's temporary directory
	 * @param failed counts the tasks that failed
	 */
	record Workload(Ledger ledger, JdbcTemplate jdbc, Path directory, AtomicInteger failed) {

	}

}
