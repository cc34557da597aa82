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
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.benchmarks.soak.SoakTask.Workload;

/**
 * What one of the soak's threads does: submit tasks to the executors and the scheduler, or,
 * for a raw thread, do the same kind of work itself.
 *
 * @author Quiet Shutdown authors
 */
final class Submitter {

	private final SplittableRandom random;

	private final Workload workload;

	private final List<ThreadPoolTaskExecutor> executors;

	private final ThreadPoolTaskScheduler scheduler;

	private final boolean schedulerTasksCatch;

	/**
	 * Create a submitter.
	 * @param random its own random source
	 * @param workload what the cycle's tasks share
	 * @param executors {@code ioWorkers}, {@code dbWorkers}, {@code lateWorkers}
	 * @param scheduler the scheduler
	 * @param schedulerTasksCatch whether tasks given to the scheduler catch their failures
	 */
	Submitter(SplittableRandom random, Workload workload, List<ThreadPoolTaskExecutor> executors,
			ThreadPoolTaskScheduler scheduler, boolean schedulerTasksCatch) {
		this.random = random;
		this.workload = workload;
		this.executors = executors;
		this.scheduler = scheduler;
		this.schedulerTasksCatch = schedulerTasksCatch;
	}

	/**
	 * Submit tasks until the quota is spent or an executor (not the scheduler, which stops
	 * taking tasks first) refuses one: most submitters are still at it while the context
	 * closes. 40% file tasks to {@code ioWorkers}, 20% query tasks to {@code dbWorkers},
	 * 20% either to {@code lateWorkers}, 10% either to the scheduler now, 10% to the
	 * scheduler within 30 ms.
	 */
	void submit() {
		int count = 5 + this.random.nextInt(Cycle.MAX_TASKS_PER_SUBMITTER - 4);
		boolean refused = false;
		for (int i = 0; i < count && !refused; i++) {
			int pick = this.random.nextInt(10);
			boolean toScheduler = pick >= 8;
			int id = this.workload.ledger().newTask(toScheduler);
			boolean database = (pick == 4 || pick == 5) || (pick >= 6 && this.random.nextBoolean());
			SoakTask task = new SoakTask(id, database, this.workload, toScheduler && this.schedulerTasksCatch);
			try {
				switch (pick) {
					case 0, 1, 2, 3 -> this.executors.get(0).execute(task);
					case 4, 5 -> this.executors.get(1).execute(task);
					case 6, 7 -> this.executors.get(2).execute(task);
					case 8 -> this.scheduler.execute(task);
					default -> this.scheduler.schedule(task, Instant.now().plusMillis(this.random.nextInt(30)));
				}
				this.workload.ledger().accepted(id);
			}
			catch (TaskRejectedException ex) {
				this.workload.ledger().rejectedThrown(id);
				refused = !toScheduler;
			}
			SoakTask.pause(this.random.nextInt(7));
		}
	}

	/**
	 * Work as a raw thread: write files and query the database until stopped, catching and
	 * counting its own failures, since there is no uncaught-handler road to rely on here.
	 * @param id the thread's number
	 * @param workload what the cycle's tasks share
	 * @param stop set when the thread must end
	 * @param failures counts the failures caught
	 */
	static void rawWork(int id, Workload workload, AtomicBoolean stop, AtomicInteger failures) {
		int round = 0;
		while (!stop.get()) {
			try {
				Files.writeString(workload.directory().resolve("raw-" + id + "-" + (round++ % 8)), "raw");
				workload.jdbc().queryForObject("select count(*) from item", Long.class);
				SoakTask.pause(1 + round % 3);
			}
			catch (IOException | RuntimeException ex) {
				failures.incrementAndGet();
			}
		}
	}

}
