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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.autoconfigure.QuietShutdownAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownDrainAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownExecutorAutoConfiguration;
import io.github.quietshutdown.autoconfigure.QuietShutdownReportAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drain of about three seconds tells how it goes: a start line with each executor's
 * pending tasks and deadline, a progress line every interval, an end line, and the summary
 * after them.
 */
@ExtendWith(OutputCaptureExtension.class)
class DrainProgressTests {

	@TempDir
	Path temp;

	@Test
	void threeSecondDrainWithAOneSecondIntervalLogsStartProgressAndEndBeforeTheSummary(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(QuietShutdownAutoConfiguration.class,
					QuietShutdownExecutorAutoConfiguration.class, QuietShutdownDrainAutoConfiguration.class,
					QuietShutdownReportAutoConfiguration.class))
			.withUserConfiguration(SlowWork.class)
			.withPropertyValues("quiet-shutdown.drain.progress-interval=1s",
					"quiet-shutdown.report.file.location=" + this.temp.resolve("report.json"))
			.run((context) -> {
				SlowWork work = context.getBean(SlowWork.class);
				CountDownLatch running = new CountDownLatch(1);
				work.slow.execute(() -> {
					running.countDown();
					// Simulated work of three seconds, not synchronisation.
					long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
					while (System.nanoTime() < end) {
						LockSupport.parkNanos(end - System.nanoTime());
					}
				});
				assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
				context.close();
			});
		List<String> lines = output.toString().lines().filter((line) -> line.contains("Drain")
				|| line.contains("Shutdown complete:")).toList();
		assertThat(lines.get(0)).contains("Draining 1 executor(s), intake closed: 'slow' 1 pending, deadline 20000 ms");
		assertThat(lines.stream().filter((line) -> line.contains("Draining for ")).toList()).hasSizeBetween(2, 3)
			.allSatisfy((line) -> assertThat(line).contains("'slow' "));
		assertThat(lines.get(1)).contains("'slow' 1 pending");
		assertThat(lines.get(lines.size() - 2)).contains("Drained 1 executor(s) in ");
		assertThat(lines.get(lines.size() - 1)).contains("Shutdown complete:").contains("completed=1");
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowWork {

		ThreadPoolTaskExecutor slow;

		@Bean
		ThreadPoolTaskExecutor slow() {
			this.slow = new ThreadPoolTaskExecutor();
			this.slow.setCorePoolSize(1);
			return this.slow;
		}

	}

}
