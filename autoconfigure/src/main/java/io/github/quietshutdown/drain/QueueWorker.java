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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.record.TaskFailures;
import io.github.quietshutdown.task.TaskTracker;
import io.github.quietshutdown.task.TrackedTask;

/**
 * One background worker that consumes what producers offer, declared as a bean. When the
 * context closes it processes everything offered before, while resources are still open,
 * with no {@code close()} needed from the producers.
 * <p>
 * The worker thread is a daemon, so it never keeps the JVM alive, and shutdown waits for it
 * at most its timeout: {@code quiet-shutdown.drain.executor-timeouts.<bean name>}, else
 * {@code quiet-shutdown.drain.timeout}. Items left at the deadline, and items offered once
 * shutdown has stopped intake, are reported like abandoned tasks, to the
 * {@link AbandonedTaskHandler} beans. Waiting is event-driven: the worker wakes shutdown
 * when the queue runs empty.
 * <pre class="code">
 * &#64;Bean
 * QueueWorker&lt;AuditEvent&gt; auditWriter(AuditRepository repository) {
 *     return new QueueWorker&lt;&gt;(repository::save);
 * }
 * </pre>
 *
 * @param <T> the type of the items
 * @author Quiet Shutdown authors
 */
public final class QueueWorker<T> implements SmartLifecycle, BeanNameAware, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(QueueWorker.class);

	private static final int DEFAULT_CAPACITY = 10_000;

	// Without the starter's beans (quiet-shutdown.enabled=false): the default of
	// quiet-shutdown.drain.timeout, which is not bound then.
	private static final Duration STANDALONE_TIMEOUT = Duration.ofSeconds(20);

	private final Consumer<? super T> consumer;

	private final BlockingQueue<Item<T>> queue;

	private String name = "queueWorker";

	private ApplicationContext context;

	private Duration timeout;

	private ShutdownBudget budget;

	private ShutdownStatistics statistics;

	private TaskTracker tracker;

	private SymptomSuppressor suppressor;

	private volatile boolean accepting;

	private volatile Thread worker;

	/**
	 * Create a worker with a queue of {@value #DEFAULT_CAPACITY} items.
	 * @param consumer processes each item, on the worker thread
	 */
	public QueueWorker(Consumer<? super T> consumer) {
		this(consumer, DEFAULT_CAPACITY);
	}

	/**
	 * Create a worker.
	 * @param consumer processes each item, on the worker thread
	 * @param capacity maximum number of items waiting
	 */
	public QueueWorker(Consumer<? super T> consumer, int capacity) {
		this.consumer = consumer;
		this.queue = new LinkedBlockingQueue<>(capacity);
	}

	/**
	 * Set the maximum time shutdown waits for the queue to empty. By default, the drain
	 * timeout configured for this bean's name.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void setBeanName(String name) {
		this.name = name;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * Offer an item without blocking.
	 * @param item the item
	 * @return {@code true} if the item was accepted and will be processed or reported;
	 * {@code false} if the queue is full, or shutdown has stopped intake (the item is then
	 * reported as rejected)
	 */
	public boolean offer(T item) {
		if (!this.accepting) {
			if (this.tracker != null && this.tracker.isShuttingDown()) {
				// The caller has the false: counted, not reported.
				this.tracker.intake().refused();
			}
			return false;
		}
		boolean duringShutdown = this.tracker.isShuttingDown();
		this.tracker.accepted(duringShutdown);
		if (this.queue.offer(new Item<>(this.name, item))) {
			return true;
		}
		this.tracker.withdrawn(duringShutdown);
		return false;
	}

	/**
	 * Return the number of items waiting.
	 * @return the queue size
	 */
	public int getQueued() {
		return this.queue.size();
	}

	@Override
	public void start() {
		resolveCollaborators();
		this.accepting = true;
		Thread thread = new Thread(this::work, "queue-worker-" + this.name);
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	private void resolveCollaborators() {
		QueueWorkerSupport support = (this.context != null)
				? this.context.getBeanProvider(QueueWorkerSupport.class).getIfAvailable() : null;
		if (support == null) {
			support = QueueWorkerSupport.standalone(STANDALONE_TIMEOUT);
		}
		this.tracker = new TaskTracker(this.name, false, support.state(), support.statistics(), support.reporter());
		this.statistics = support.statistics();
		this.suppressor = support.suppressor();
		this.budget = support.budget();
		if (this.timeout == null) {
			this.timeout = support.timeouts().apply(this.name);
		}
	}

	private void work() {
		while (true) {
			Item<T> item;
			try {
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			Throwable failure = null;
			if (this.tracker.isShuttingDown()) {
				TaskFailures.clear();
			}
			try {
				failure = process(item);
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				this.tracker.finished(item, failure);
			}
		}
	}

	// Returns what processing threw, logged unless it is a shutdown symptom.
	private Throwable process(Item<T> item) {
		try {
			this.consumer.accept(item.value);
			return null;
		}
		catch (RuntimeException ex) {
			if (this.suppressor == null || !this.suppressor.suppress(SymptomSource.EXECUTOR, this.name, ex)) {
				logger.error("Queue worker '" + this.name + "' failed to process " + item.value, ex);
			}
			return ex;
		}
	}

	@Override
	public void stop() {
		this.accepting = false;
		long start = System.nanoTime();
		long deadline = start + this.timeout.toNanos();
		if (this.budget != null) {
			// What is left of the grace period, less the time the report needs.
			deadline = Math.min(deadline, this.budget.deadlineNanos());
		}
		long waitMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - start));
		boolean idle;
		try {
			idle = this.tracker.awaitIdle(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			idle = false;
		}
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
		}
		// Also sweeps an item that a producer slipped in as intake stopped.
		List<Item<T>> left = new ArrayList<>();
		this.queue.drainTo(left);
		List<AbandonedTask> abandoned = new ArrayList<>();
		for (Item<T> item : left) {
			this.tracker.dropped();
			abandoned.add(item.describe(TaskOutcome.ABANDONED));
		}
		this.tracker.outcomes().reportDropped(abandoned, idle ? "offered as intake stopped"
				: "still queued at the drain deadline (" + waitMs + " ms)");
		this.statistics.recordDrain(this.name, Duration.ofNanos(System.nanoTime() - start));
		this.tracker.outcomes().reportFailures();
	}

	@Override
	public void stop(Runnable callback) {
		// Drain on its own thread so that executors drain at the same time.
		Thread stopper = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "queue-worker-" + this.name + "-stop");
		stopper.setDaemon(true);
		stopper.start();
	}

	@Override
	public boolean isRunning() {
		return this.worker != null && this.accepting;
	}

	@Override
	public int getPhase() {
		return ExecutorDrain.PHASE;
	}

	private static final class Item<T> implements TrackedTask {

		private final String source;

		private final T value;

		private final long offeredAt = System.nanoTime();

		Item(String source, T value) {
			this.source = source;
			this.value = value;
		}

		@Override
		public AbandonedTask describe(TaskOutcome outcome) {
			return new AbandonedTask(this.source, this.value, String.valueOf(this.value),
					Duration.ofNanos(System.nanoTime() - this.offeredAt), outcome, false);
		}

	}

}
