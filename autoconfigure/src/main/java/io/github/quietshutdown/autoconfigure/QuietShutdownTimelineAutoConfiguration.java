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

package io.github.quietshutdown.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.drain.ExecutorDrain;
import io.github.quietshutdown.lifecycle.PhaseMarker;
import io.github.quietshutdown.lifecycle.ShutdownBeginListener;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.StatisticsListener;

/**
 * Auto-configuration of the course of shutdown in time: the timeline of its phases, the
 * time budget within the grace period, and the pre-stop delay.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = QuietShutdownAutoConfiguration.class,
		before = { QuietShutdownDrainAutoConfiguration.class, QuietShutdownReportAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
public final class QuietShutdownTimelineAutoConfiguration {

	// Spring Boot's web server graceful shutdown phase, on every line.
	static final int WEB_GRACEFUL_SHUTDOWN_PHASE = Integer.MAX_VALUE - 1024;

	// Bean destruction and the report after the drain.
	private static final Duration RESERVE = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean
	ShutdownTimeline quietShutdownTimeline(ShutdownState quietShutdownState, ShutdownStatistics quietShutdownStatistics) {
		ShutdownTimeline timeline = new ShutdownTimeline();
		quietShutdownStatistics.addListener(new StatisticsListener() {

			@Override
			public void drainRecorded(String executor, Duration duration) {
				long now = System.nanoTime();
				timeline.record("drain:" + executor, now - duration.toNanos(), now);
			}

		});
		quietShutdownState.onPhase(ShutdownPhase.CLOSED, Integer.MAX_VALUE - 1, () -> {
			timeline.end("drain");
			timeline.end("destroy");
		});
		return timeline;
	}

	@Bean
	@ConditionalOnMissingBean
	ShutdownBudget quietShutdownBudget(QuietShutdownProperties properties, ApplicationContext applicationContext) {
		ShutdownBudgetCheck.check(properties, applicationContext);
		Duration reserve = properties.getWatchdog().isEnabled() ? RESERVE.plus(properties.getWatchdog().getDelay())
				: RESERVE;
		return new ShutdownBudget(properties.getGracePeriod(), reserve);
	}

	@Bean
	ShutdownBeginListener quietShutdownBeginListener(ShutdownTimeline quietShutdownTimeline,
			ShutdownBudget quietShutdownBudget, QuietShutdownProperties properties) {
		return new ShutdownBeginListener(quietShutdownTimeline, quietShutdownBudget, properties.getPreStop().getDelay());
	}

	@Bean
	PhaseMarker quietShutdownWebBeginMarker(ShutdownTimeline quietShutdownTimeline,
			ApplicationContext applicationContext) {
		return new PhaseMarker(WEB_GRACEFUL_SHUTDOWN_PHASE + 1, () -> {
			if (applicationContext.containsBean("webServerGracefulShutdown")) {
				quietShutdownTimeline.begin("web");
			}
		});
	}

	@Bean
	PhaseMarker quietShutdownWebEndMarker(ShutdownTimeline quietShutdownTimeline) {
		return new PhaseMarker(WEB_GRACEFUL_SHUTDOWN_PHASE - 1, () -> quietShutdownTimeline.end("web"));
	}

	@Bean
	PhaseMarker quietShutdownDrainBeginMarker(ShutdownTimeline quietShutdownTimeline,
			ObjectProvider<ExecutorDrain> drain) {
		return new PhaseMarker(ExecutorDrain.PHASE + 1, () -> {
			if (drain.getIfAvailable() != null) {
				quietShutdownTimeline.begin("drain");
			}
		});
	}

	// The drain ends when every lifecycle bean has stopped: executors and queue workers
	// drain side by side with the drain itself.
	@Bean
	PhaseMarker quietShutdownDestroyBeginMarker(ShutdownTimeline quietShutdownTimeline) {
		return new PhaseMarker(Integer.MIN_VALUE, () -> {
			quietShutdownTimeline.end("drain");
			quietShutdownTimeline.begin("destroy");
		});
	}

}
