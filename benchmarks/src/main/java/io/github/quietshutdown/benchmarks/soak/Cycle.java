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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.FileSystemUtils;

import io.github.quietshutdown.benchmarks.soak.SoakTask.Workload;
import io.github.quietshutdown.record.ShutdownStatistics;

/**
 * One context lifecycle of the soak: start the application, let forty submitter threads
 * and a few raw threads work, close the context at a random moment, then wait, bounded,
 * for every thread and pool to end and check the ledger.
 *
 * @author Quiet Shutdown authors
 */
final class Cycle {

	static final int SUBMITTERS = 40;

	static final int RAW_THREADS = 4;

	static final int MAX_TASKS_PER_SUBMITTER = 60;

	private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final int number;

	private final SplittableRandom random;

	private final Path root;

	private final boolean schedulerTasksCatch;

	private final List<String> properties;

	Cycle(int number, long seed, Path root, boolean schedulerTasksCatch, List<String> properties) {
		this.number = number;
		this.random = new SplittableRandom(seed);
		this.root = root;
		this.schedulerTasksCatch = schedulerTasksCatch;
		this.properties = properties;
	}

	Result run(EscapeMonitor monitor) throws IOException, InterruptedException {
		int escapesBefore = monitor.count();
		Ledger ledger = new Ledger(SUBMITTERS * MAX_TASKS_PER_SUBMITTER);
		Path directory = Files.createTempDirectory(this.root, "cycle-" + this.number + "-");
		// A third each: too short for anything but abandonment, about as long as the queues,
		// long enough for the drain to finish.
		Duration drainTimeout = switch (this.random.nextInt(3)) {
			case 0 -> Duration.ofMillis(5 + this.random.nextInt(20));
			case 1 -> Duration.ofSeconds(1);
			default -> Duration.ofSeconds(10);
		};
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SoakApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton(SoakApplication.LEDGER, ledger))
			.properties("soak.cycle=" + this.number, "quiet-shutdown.drain.timeout=" + drainTimeout.toMillis() + "ms")
			.run(this.properties.stream().map((property) -> "--" + property).toArray(String[]::new));
		ThreadPoolTaskExecutor io = context.getBean("ioWorkers", ThreadPoolTaskExecutor.class);
		ThreadPoolTaskExecutor db = context.getBean("dbWorkers", ThreadPoolTaskExecutor.class);
		ThreadPoolTaskExecutor late = context.getBean("lateWorkers", ThreadPoolTaskExecutor.class);
		ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
		List<ExecutorService> pools = List.of(io.getThreadPoolExecutor(), db.getThreadPoolExecutor(),
				late.getThreadPoolExecutor(), scheduler.getScheduledExecutor());
		ShutdownStatistics statistics = context.getBeanProvider(ShutdownStatistics.class)
			.getIfAvailable(ShutdownStatistics::new);
		Workload workload = new Workload(ledger, context.getBean(JdbcTemplate.class), directory, new AtomicInteger());
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger rawFailures = new AtomicInteger();
		List<Thread> submitters = new ArrayList<>();
		for (int i = 0; i < SUBMITTERS; i++) {
			long seed = this.random.nextLong();
			Submitter submitter = new Submitter(new SplittableRandom(seed), workload, List.of(io, db, late), scheduler,
					this.schedulerTasksCatch);
			submitters.add(daemon("submitter-" + i, submitter::submit));
		}
		List<Thread> raw = new ArrayList<>();
		for (int i = 0; i < RAW_THREADS; i++) {
			int id = i;
			raw.add(daemon("raw-" + i, () -> Submitter.rawWork(id, workload, stop, rawFailures)));
		}
		submitters.forEach(Thread::start);
		raw.forEach(Thread::start);
		SoakTask.pause(this.random.nextInt(100));
		long deadline = System.nanoTime() + BOUND_NANOS;
		List<String> hangs = new ArrayList<>();
		Thread closer = daemon("closer-" + this.number, context::close);
		closer.start();
		join(closer, deadline, hangs);
		for (Thread submitter : submitters) {
			join(submitter, deadline, hangs);
		}
		stop.set(true);
		for (Thread thread : raw) {
			join(thread, deadline, hangs);
		}
		for (ExecutorService pool : pools) {
			if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				hangs.add("pool " + pool + " did not terminate");
			}
		}
		FileSystemUtils.deleteRecursively(directory);
		boolean drained = !statistics.getDrains().isEmpty()
				&& statistics.getDrains().values().stream().allMatch((took) -> took.compareTo(drainTimeout) < 0);
		return new Result(this.number, drainTimeout, drained, ledger.tally(), monitor.since(escapesBefore), hangs,
				statistics.getSuppressedTotal(), workload.failed().get(), rawFailures.get());
	}

	private static Thread daemon(String name, Runnable body) {
		Thread thread = new Thread(body, name);
		thread.setDaemon(true);
		return thread;
	}

	private static void join(Thread thread, long deadline, List<String> hangs) throws InterruptedException {
		thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		if (thread.isAlive()) {
			hangs.add("thread '" + thread.getName() + "' still alive (" + thread.getState() + ")");
		}
	}

	/**
	 * What one cycle found.
	 *
	 * @param number the cycle number
	 * @param drainTimeout the drain timeout of the cycle
	 * @param drained whether every executor drained before its deadline
	 * @param tally the accounting
	 * @param escapes the symptoms that reached a person
	 * @param hangs what did not end within the bound
	 * @param suppressed the symptoms the starter suppressed
	 * @param failedTasks the tasks that failed, their failure suppressed or caught by
	 * themselves
	 * @param rawFailures the failures that the raw threads caught
	 */
	record Result(int number, Duration drainTimeout, boolean drained, Ledger.Tally tally, List<String> escapes, List<String> hangs,
			long suppressed, int failedTasks, int rawFailures) {

	}

}
