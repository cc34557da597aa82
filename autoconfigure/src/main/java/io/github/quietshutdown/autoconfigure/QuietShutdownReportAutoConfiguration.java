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

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.report.ShutdownReportFile;
import io.github.quietshutdown.report.ShutdownReporter;
import io.github.quietshutdown.report.ShutdownStatistics;

/**
 * Auto-configuration of the shutdown report: the summary line at the end of shutdown and
 * the report file.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = { QuietShutdownAutoConfiguration.class, QuietShutdownTimelineAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
public final class QuietShutdownReportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShutdownReporter quietShutdownReporter(ShutdownState quietShutdownState, ShutdownStatistics quietShutdownStatistics,
			QuietShutdownProperties properties, Environment environment, ObjectProvider<ShutdownTimeline> timeline) {
		QuietShutdownProperties.Report report = properties.getReport();
		ShutdownReportFile file = null;
		if (report.getFile().isEnabled()) {
			Path location = report.getFile().getLocation();
			file = new ShutdownReportFile((location != null) ? location
					: ShutdownReportFile.defaultLocation(environment.getProperty("spring.application.name", "application")));
		}
		return new ShutdownReporter(quietShutdownState, quietShutdownStatistics, file, report.isShowMessages(),
				timeline.getIfAvailable());
	}

}
