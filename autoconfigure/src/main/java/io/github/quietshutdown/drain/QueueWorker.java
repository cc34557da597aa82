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
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;

import io.github.quietshutdown.AbandonedTaskHandler;

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

	private final Consumer<? super T> consumer;

	private final BlockingQueue<QueueItem<T>> queue;

	private String name = "queueWorker";

	private ApplicationContext context;

	private Duration timeout;

	private QueueWorkerBooks books;

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
			QueueWorkerBooks books = this.books;
			if (books != null) {
				books.refused();
			}
			return false;
		}
		return this.books.accept(() -> this.queue.offer(new QueueItem<>(this.name, item)));
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
		this.books = QueueWorkerBooks.open(this.name, this.context, this.timeout);
		this.accepting = true;
		Thread thread = new Thread(this::work, "queue-worker-" + this.name);
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	private void work() {
		while (true) {
			QueueItem<T> item;
			try {
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			Throwable failure = null;
			this.books.starting();
			try {
				failure = process(item);
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				this.books.finished(item, failure);
			}
		}
	}

	// Returns what processing threw, logged unless it is a shutdown symptom. The watchdog
	// knows a queue worker at work by this method's name.
	private Throwable process(QueueItem<T> item) {
		try {
			this.consumer.accept(item.value());
			return null;
		}
		catch (RuntimeException ex) {
			if (!this.books.isSymptom(ex)) {
				logger.error("Queue worker '" + this.name + "' failed to process " + item.value(), ex);
			}
			return ex;
		}
	}

	@Override
	public void stop() {
		this.accepting = false;
		long start = System.nanoTime();
		long deadline = this.books.deadline(start);
		boolean idle = this.books.awaitIdle(deadline);
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
		}
		// Also sweeps an item that a producer slipped in as intake stopped.
		List<QueueItem<T>> left = new ArrayList<>();
		this.queue.drainTo(left);
		this.books.close(left, idle, start, deadline);
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

}
