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
package io.github.quietshutdown.catalogue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reactor Core (version from the Spring Boot BOM): schedulers are really disposed and then
 * used, directly and through an operator ({@code subscribeOn}), which wraps the rejection in
 * {@code ReactorRejectedExecutionException("Scheduler unavailable", cause)}. That wrapper is
 * not catalogued: the same wrapper around a full queue must stay visible, so its cause
 * decides.
 */
@ExtendWith(NoThreadLeaks.class)
class ReactorSymptomsTests {

	@Test
	void scheduleOnADisposedSingleScheduler() {
		Scheduler scheduler = Schedulers.newSingle("qs-single");
		scheduler.dispose();
		RejectedExecutionException ex = catchThrowableOfType(RejectedExecutionException.class,
				() -> scheduler.schedule(() -> {
				}));
		assertThat(ex).hasMessageContaining("[Terminated");
		assertSymptom(ex, "jdk.rejected-after-shutdown");
	}

	@Test
	void subscribeOnADisposedBoundedElasticScheduler() {
		Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "qs-elastic");
		scheduler.dispose();
		Throwable ex = catchThrowable(() -> Mono.just(1).subscribeOn(scheduler).block());
		assertThat(ex).isInstanceOf(RejectedExecutionException.class).hasMessage("Scheduler unavailable");
		assertSymptom(ex, "jdk.rejected-after-shutdown");
	}

	@Test
	void scheduleOnADisposedExecutorScheduler() {
		Scheduler scheduler = Schedulers.fromExecutor(Runnable::run);
		scheduler.dispose();
		RejectedExecutionException direct = catchThrowableOfType(RejectedExecutionException.class,
				() -> scheduler.schedule(() -> {
				}));
		assertThat(direct).hasMessage("Scheduler unavailable").hasNoCause();
		assertSymptom(direct, "reactor.scheduler-unavailable");
		Throwable viaOperator = catchThrowable(() -> Mono.just(1).subscribeOn(scheduler).block());
		assertThat(viaOperator).isInstanceOf(RejectedExecutionException.class).hasMessage("Scheduler unavailable");
		assertSymptom(viaOperator, "reactor.scheduler-unavailable");
	}

	@Test
	void fullQueueBehindASchedulerIsARealFault() throws InterruptedException {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
		Scheduler scheduler = Schedulers.fromExecutorService(executor);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		try {
			executor.execute(() -> {
				blocked.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			blocked.await();
			executor.execute(() -> {
			});
			RejectedExecutionException direct = catchThrowableOfType(RejectedExecutionException.class,
					() -> scheduler.schedule(() -> {
					}));
			assertThat(direct).hasMessageContaining("[Running");
			assertNotSymptom(direct);
			Throwable viaOperator = catchThrowable(() -> Mono.just(1).subscribeOn(scheduler).block());
			assertThat(viaOperator).isInstanceOf(RejectedExecutionException.class)
				.hasMessage("Scheduler unavailable");
			assertThat(viaOperator.getCause()).hasMessageContaining("[Running");
			assertNotSymptom(viaOperator);
		}
		finally {
			release.countDown();
			scheduler.dispose();
			executor.shutdown();
			assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void boundedElasticAtCapacityIsARealFault() throws InterruptedException {
		Scheduler scheduler = Schedulers.newBoundedElastic(1, 1, "qs-capacity");
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		try {
			scheduler.schedule(() -> {
				blocked.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			blocked.await();
			scheduler.schedule(() -> {
			});
			RejectedExecutionException ex = catchThrowableOfType(RejectedExecutionException.class,
					() -> scheduler.schedule(() -> {
					}));
			assertThat(ex).hasMessageStartingWith("Task capacity of bounded elastic scheduler reached");
			assertNotSymptom(ex);
		}
		finally {
			release.countDown();
			scheduler.dispose();
		}
	}

}
