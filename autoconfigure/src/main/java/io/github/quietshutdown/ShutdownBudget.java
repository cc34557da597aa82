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

package io.github.quietshutdown;

import java.time.Duration;

/**
 * The time budget of one shutdown: the platform's grace period (Kubernetes'
 * {@code terminationGracePeriodSeconds}) counted from the moment shutdown began, less a
 * reserve for what must still happen after the drain (bean destruction, the summary line
 * and the report, the thread watchdog).
 * <p>
 * Work that waits during shutdown, the executor drain above all, ends its waiting by
 * {@link #deadlineNanos()} at the latest: then it gives up (abandoning and reporting what
 * is left) early enough for the report to be written before the platform kills the
 * process. This class knows nothing of Spring.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownBudget {

	private final Duration gracePeriod;

	private final Duration reserve;

	private volatile long startNanos;

	private volatile boolean started;

	/**
	 * Create a new budget.
	 * @param gracePeriod the time between the signal and the kill
	 * @param reserve the time to keep for what follows the drain; at most half the grace
	 * period is kept
	 */
	public ShutdownBudget(Duration gracePeriod, Duration reserve) {
		this.gracePeriod = gracePeriod;
		this.reserve = (reserve.compareTo(gracePeriod.dividedBy(2)) > 0) ? gracePeriod.dividedBy(2) : reserve;
	}

	/**
	 * Start counting now, if not started already.
	 */
	public void start() {
		start(System.nanoTime());
	}

	/**
	 * Start counting at the given time, if not started already.
	 * @param nanos when shutdown began, in {@link System#nanoTime()} terms
	 */
	public synchronized void start(long nanos) {
		if (!this.started) {
			this.startNanos = nanos;
			this.started = true;
		}
	}

	/**
	 * Whether the budget is being spent, that is shutdown has begun.
	 * @return {@code true} once started
	 */
	public boolean isStarted() {
		return this.started;
	}

	/**
	 * Return the time by which waiting during shutdown must end, in
	 * {@link System#nanoTime()} terms: the start plus the grace period, less the reserve.
	 * @return the deadline, or {@link Long#MAX_VALUE} if shutdown has not begun
	 */
	public long deadlineNanos() {
		return this.started ? this.startNanos + this.gracePeriod.toNanos() - this.reserve.toNanos() : Long.MAX_VALUE;
	}

	/**
	 * Return the time left until {@link #deadlineNanos()}; before shutdown, the whole
	 * budget.
	 * @return the time left, never negative
	 */
	public Duration remaining() {
		long remaining = this.started ? deadlineNanos() - System.nanoTime()
				: this.gracePeriod.toNanos() - this.reserve.toNanos();
		return Duration.ofNanos(Math.max(0, remaining));
	}

	/**
	 * Return the shorter of a timeout and the time left.
	 * @param timeout the timeout
	 * @return the timeout, cut to fit the budget
	 */
	public Duration cap(Duration timeout) {
		Duration remaining = remaining();
		return (timeout.compareTo(remaining) > 0) ? remaining : timeout;
	}

	/**
	 * Return the grace period.
	 * @return the grace period
	 */
	public Duration getGracePeriod() {
		return this.gracePeriod;
	}

	/**
	 * Return the time kept for what follows the drain.
	 * @return the reserve
	 */
	public Duration getReserve() {
		return this.reserve;
	}

}
