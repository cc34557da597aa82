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

package io.github.quietshutdown.lifecycle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

import io.github.quietshutdown.ContextClosedEvents;
import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.ShutdownTimeline;

/**
 * Marks the beginning of shutdown when its own context closes, before any other listener
 * of the {@link ContextClosedEvent}: the timeline and the time budget start, and, if a
 * pre-stop delay is set and the close comes from a process signal, the application keeps
 * serving for the delay with readiness {@link ReadinessState#REFUSING_TRAFFIC}.
 * <p>
 * Spring Boot's web application contexts publish {@code REFUSING_TRAFFIC} as they begin to
 * close, before this event; for other contexts it is published here. Nothing else has
 * stopped yet: executors accept tasks, the web server accepts connections, so load
 * balancers can take the instance out before it refuses anything. A close that is not
 * from a signal (a test, a DevTools restart, {@code context.close()} in code) does not
 * wait: only a close on Spring Boot's shutdown hook thread does, outside Spring Boot's
 * test support.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownBeginListener
		implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware, Ordered, DisposableBean {

	/**
	 * Name of the pre-stop delay in the timeline.
	 */
	public static final String PRE_STOP = "preStop";

	/**
	 * Name of the thread on which Spring Boot closes contexts when the JVM is asked to exit.
	 */
	static final String SHUTDOWN_HOOK_THREAD = "SpringApplicationShutdownHook";

	// Spring Boot's test support sets it on every context it loads.
	private static final String TEST_CONTEXT = "org.springframework.boot.test.context.SpringBootTestContextBootstrapper";

	private static final Log logger = LogFactory.getLog(ShutdownBeginListener.class);

	private final ShutdownTimeline timeline;

	private final ShutdownBudget budget;

	private final Duration delay;

	private final Thread signalHook;

	private ApplicationContext applicationContext;

	/**
	 * Create a new listener. Until its context closes, a JVM shutdown hook marks the moment
	 * the JVM is asked to exit (the signal), so that the budget and the timeline count from
	 * there rather than from the close, which may come later.
	 * @param timeline the timeline to start
	 * @param budget the budget to start
	 * @param delay the pre-stop delay; zero for none
	 */
	public ShutdownBeginListener(ShutdownTimeline timeline, ShutdownBudget budget, Duration delay) {
		this.timeline = timeline;
		this.budget = budget;
		this.delay = delay;
		this.signalHook = new Thread(this::signalled, "quiet-shutdown-signal");
		try {
			Runtime.getRuntime().addShutdownHook(this.signalHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is exiting already.
		}
	}

	// A context that never started (its refresh failed) has no shutdown to report.
	private void signalled() {
		long now = System.nanoTime();
		if (this.applicationContext instanceof ConfigurableApplicationContext context && context.isActive()) {
			begin(now);
		}
	}

	@Override
	public void destroy() {
		removeSignalHook();
	}

	Thread getSignalHook() {
		return this.signalHook;
	}

	private void removeSignalHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.signalHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is exiting: the hook has marked the signal, or is about to.
		}
	}

	private void begin(long nanos) {
		this.budget.start(nanos);
		this.timeline.start(nanos);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (!ContextClosedEvents.isOwn(event, this.applicationContext)) {
			return;
		}
		begin(System.nanoTime());
		removeSignalHook();
		if (this.delay.isZero()) {
			return;
		}
		if (!closedBySignal()) {
			logger.debug("Context closed without a process signal: no pre-stop delay");
			return;
		}
		refuseTraffic();
		this.timeline.begin(PRE_STOP);
		logger.info("Pre-stop delay: serving for " + this.delay.toMillis() + " ms more, readiness refusing traffic");
		long end = System.nanoTime() + this.delay.toNanos();
		for (long left = this.delay.toNanos(); left > 0 && !Thread.currentThread().isInterrupted(); left = end
				- System.nanoTime()) {
			LockSupport.parkNanos(this, left);
		}
		this.timeline.end(PRE_STOP);
	}

	boolean closedBySignal() {
		return SHUTDOWN_HOOK_THREAD.equals(Thread.currentThread().getName())
				&& !"true".equals(this.applicationContext.getEnvironment().getProperty(TEST_CONTEXT));
	}

	private void refuseTraffic() {
		ApplicationAvailability availability = this.applicationContext.getBeanProvider(ApplicationAvailability.class)
			.getIfAvailable();
		if (availability == null || availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
			AvailabilityChangeEvent.publish(this.applicationContext, ReadinessState.REFUSING_TRAFFIC);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
