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

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import io.github.quietshutdown.drain.QueueWorker;

/**
 * Produces work, like a message listener would: report tasks faster than the report
 * executor can run them (so a backlog builds up), async audit writes, and audit events for
 * the queue worker. Stops producing as soon as shutdown begins, as a listener container
 * does.
 */
@Component
class LoadGenerator implements SmartLifecycle {

	private final ThreadPoolTaskExecutor reportExecutor;

	private final AuditWriter auditWriter;

	private final QueueWorker<String> auditTrail;

	private final JdbcTemplate jdbc;

	private final Bookkeeping bookkeeping;

	private final long intervalMillis;

	private final AtomicInteger ids = new AtomicInteger();

	private volatile Thread producer;

	LoadGenerator(ThreadPoolTaskExecutor reportExecutor, AuditWriter auditWriter, QueueWorker<String> auditTrail,
			JdbcTemplate jdbc, Bookkeeping bookkeeping, @Value("${sample.load.interval:10ms}") java.time.Duration interval) {
		this.reportExecutor = reportExecutor;
		this.auditWriter = auditWriter;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.bookkeeping = bookkeeping;
		this.intervalMillis = interval.toMillis();
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::produce, "load-generator");
		thread.setDaemon(true);
		this.producer = thread;
		this.bookkeeping.producedBy(thread);
		thread.start();
	}

	// A standing load, as a message consumer or a busy endpoint makes: it keeps offering
	// through shutdown until every target refuses, and counts what each refused.
	private void produce() {
		boolean reports = true;
		boolean audits = true;
		boolean events = true;
		while (this.producer == Thread.currentThread() && (reports || audits || events)) {
			int id = this.ids.incrementAndGet();
			if (reports) {
				reports = offer(() -> this.reportExecutor.execute(new ReportTask(id)));
			}
			if (audits) {
				audits = offer(() -> this.auditWriter.write("audit-" + id));
			}
			if (events) {
				this.bookkeeping.submitted.incrementAndGet();
				events = this.auditTrail.offer("event-" + id);
				if (!events) {
					this.bookkeeping.submitted.decrementAndGet();
					this.bookkeeping.refused.incrementAndGet();
				}
			}
			try {
				Thread.sleep(this.intervalMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private boolean offer(Runnable submission) {
		this.bookkeeping.submitted.incrementAndGet();
		try {
			submission.run();
			return true;
		}
		catch (TaskRejectedException ex) {
			this.bookkeeping.submitted.decrementAndGet();
			this.bookkeeping.refused.incrementAndGet();
			return false;
		}
	}

	// The producer is not stopped with the context: it learns from the refusals.
	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		return this.producer != null;
	}

	/**
	 * A report: waits on a slow dependency, then writes its row.
	 */
	private final class ReportTask implements Runnable {

		private final int id;

		ReportTask(int id) {
			this.id = id;
		}

		@Override
		public void run() {
			Work.pause(30);
			LoadGenerator.this.jdbc.update("insert into reports (id) values (?)", this.id);
			LoadGenerator.this.bookkeeping.completed.incrementAndGet();
		}

		@Override
		public String toString() {
			return "report #" + this.id;
		}

	}

}
