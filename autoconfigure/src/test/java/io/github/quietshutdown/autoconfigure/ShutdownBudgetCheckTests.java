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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.ShutdownBudget;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.lifecycle.ShutdownBeginListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the time budget: its defaults, and the startup warning when the shutdown's
 * parts can add up to more than the grace period.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownBudgetCheckTests {

	private static final String WARNING = "Shutdown can outlast quiet-shutdown.grace-period";

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class,
			QuietShutdownTimelineAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class,
			QuietShutdownReportAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("quiet-shutdown.report.file.enabled=false");

	@Test
	void defaultsAreOffAndWithinTheBudget(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ShutdownBudget.class)
				.hasSingleBean(ShutdownTimeline.class)
				.hasSingleBean(ShutdownBeginListener.class);
			QuietShutdownProperties properties = context.getBean(QuietShutdownProperties.class);
			assertThat(properties.getPreStop().getDelay()).isZero();
			assertThat(properties.getGracePeriod()).hasSeconds(30);
			assertThat(context.getBean(ShutdownBudget.class).getGracePeriod()).hasSeconds(30);
		});
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void warnsWhenTheSumExceedsTheGracePeriodNamingEachProperty(CapturedOutput output) {
		this.runner.withBean("ingest", ThreadPoolTaskExecutor.class, ThreadPoolTaskExecutor::new)
			.withPropertyValues("quiet-shutdown.grace-period=10s", "quiet-shutdown.pre-stop.delay=3s",
					"quiet-shutdown.drain.timeout=5s", "quiet-shutdown.drain.executor-timeouts.ingest=6s",
					"quiet-shutdown.watchdog.halt-after=2s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(warnings(output)).containsExactly(" WARN ");
		assertThat(output).contains(WARNING + "=10s: quiet-shutdown.pre-stop.delay=3s + "
				+ "quiet-shutdown.drain.executor-timeouts.ingest=6s + quiet-shutdown.watchdog.halt-after=2s = 11s");
	}

	@Test
	void noWarningWhenTheSumEqualsTheGracePeriod(CapturedOutput output) {
		this.runner.withBean("ingest", ThreadPoolTaskExecutor.class, ThreadPoolTaskExecutor::new)
			.withPropertyValues("quiet-shutdown.grace-period=11s", "quiet-shutdown.pre-stop.delay=3s",
					"quiet-shutdown.drain.timeout=5s", "quiet-shutdown.drain.executor-timeouts.ingest=6s", "quiet-shutdown.watchdog.halt-after=2s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void webApplicationCountsTheGracefulShutdownPhase(CapturedOutput output) {
		reactive().withPropertyValues("quiet-shutdown.grace-period=30s", "spring.lifecycle.timeout-per-shutdown-phase=15s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains(WARNING + "=30s: spring.lifecycle.timeout-per-shutdown-phase=15s + "
				+ "quiet-shutdown.drain.timeout=20s = 35s");
	}

	@Test
	void webApplicationWithImmediateShutdownDoesNotCountIt(CapturedOutput output) {
		reactive().withPropertyValues("quiet-shutdown.grace-period=30s", "server.shutdown=immediate")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void onKubernetesTheDefaultsAreChecked(CapturedOutput output) {
		reactive().withPropertyValues("spring.main.cloud-platform=kubernetes")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains(WARNING + "=30s: spring.lifecycle.timeout-per-shutdown-phase=30s + "
				+ "quiet-shutdown.drain.timeout=20s = 50s");
	}

	@Test
	void elsewhereTheDefaultsAreNotChecked(CapturedOutput output) {
		reactive().run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(WARNING);
	}

	private AbstractApplicationContextRunner<?, ?, ?> reactive() {
		return new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("quiet-shutdown.report.file.enabled=false");
	}

	private static java.util.List<String> warnings(CapturedOutput output) {
		return output.toString()
			.lines()
			.filter((line) -> line.contains(WARNING))
			.map((line) -> line.contains(" WARN ") ? " WARN " : line)
			.toList();
	}

}
