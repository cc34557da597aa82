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
package io.github.quietshutdown.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.AbandonedTaskReporter;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;

import static io.github.quietshutdown.test.NamedTask.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link ThreadPoolTaskScheduler} that shuts down between the moment a one-shot task is
 * decorated and the moment its pool checks whether it still takes tasks refuses the task to
 * its caller. The task must then count as rejected, once, and never also as abandoned.
 */
class SchedulerRejectionTests {

	private final ShutdownState state = new ShutdownState();

	private final ShutdownStatistics statistics = new ShutdownStatistics();

	private final List<AbandonedTask> reported = new CopyOnWriteArrayList<>();

	private final AbandonedTaskReporter reporter = new AbandonedTaskReporter(this.statistics,
			() -> List.of(this.reported::add));

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private TaskTracker tracker;

	@AfterEach
	void shutDown() {
		this.scheduler.shutdown();
	}

	@Test
	void oneShotRefusedByASchedulerThatShutDownAfterDecorationIsReportedOnceAsRejected() {
		// The tracker is asked whether intake has stopped before the pool shuts down: the
		// race lost, every time.
		initialize(null);
		this.state.advanceTo(ShutdownPhase.CLOSING);
		this.scheduler.getScheduledThreadPoolExecutor().shutdown();
		assertThatExceptionOfType(TaskRejectedException.class)
			.isThrownBy(() -> this.scheduler.schedule(named("refused reminder"), Instant.now().plusMillis(10)));
		assertThat(this.reported).isEmpty();
		assertThat(this.tracker.getPending()).isZero();
		assertThat(this.tracker.oneShots().notRunWithin(Long.MIN_VALUE)).isEmpty();
		assertThat(this.statistics.getTasks(TaskOutcome.REJECTED)).isOne();
		assertThat(this.statistics.getTasks(TaskOutcome.ABANDONED)).isZero();
	}

	@Test
	void oneShotRefusedBeforeShutdownBeganIsNotReported() {
		initialize(null);
		this.scheduler.getScheduledThreadPoolExecutor().shutdown();
		assertThatExceptionOfType(TaskRejectedException.class)
			.isThrownBy(() -> this.scheduler.schedule(named("refused early"), Instant.now().plusMillis(10)));
		assertThat(this.reported).isEmpty();
		assertThat(this.tracker.getPending()).isZero();
		assertThat(this.tracker.oneShots().notRunWithin(Long.MIN_VALUE)).isEmpty();
	}

	@Test
	void oneShotWrappedByTheApplicationsDecoratorIsStillTrackedAsOneShot() {
		List<String> decorated = new CopyOnWriteArrayList<>();
		initialize((task) -> {
			decorated.add(String.valueOf(task));
			return () -> task.run();
		});
		this.scheduler.schedule(named("later"), Instant.now().plusSeconds(60));
		assertThat(decorated).singleElement().asString().contains("later");
		assertThat(this.tracker.getPending()).isOne();
		assertThat(this.tracker.oneShots().notRunWithin(1_000_000_000L)).hasSize(1);
	}

	private void initialize(TaskDecorator applicationDecorator) {
		SymptomSuppressor suppressor = new SymptomSuppressor(
				new SymptomClassifier(this.state, SymptomCatalogue.shipped()), this.statistics, LogLevel.OFF);
		this.tracker = new TaskTracker("reminders", true, this.state, this.statistics, this.reporter, () -> false);
		ExecutorDecoratingPostProcessor postProcessor = new ExecutorDecoratingPostProcessor(
				(name, executor) -> new QuietTaskDecorator(name, suppressor, this.tracker), Set.of());
		if (applicationDecorator != null) {
			this.scheduler.setTaskDecorator(applicationDecorator);
		}
		postProcessor.postProcessBeforeInitialization(this.scheduler, "reminders");
		this.scheduler.initialize();
		postProcessor.postProcessAfterInitialization(this.scheduler, "reminders");
	}

}
