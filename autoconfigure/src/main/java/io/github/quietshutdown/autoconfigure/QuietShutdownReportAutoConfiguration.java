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

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.drain.LingeringThreadWatchdog;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.report.DefaultReportLocation;
import io.github.quietshutdown.report.ShutdownReportFile;
import io.github.quietshutdown.report.ShutdownReporter;

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
			QuietShutdownProperties properties, Environment environment, ListableBeanFactory beanFactory,
			ObjectProvider<ShutdownTimeline> timeline, ObjectProvider<LingeringThreadWatchdog> watchdog) {
		ReportProperties report = properties.getReport();
		ShutdownReportFile file = null;
		if (report.getFile().isEnabled()) {
			Path location = report.getFile().getLocation();
			if (location != null) {
				file = new ShutdownReportFile(location);
				prepare(file, location);
			}
			else {
				file = new ShutdownReportFile(DefaultReportLocation
					.of(environment.getProperty("spring.application.name"), mainClassName(beanFactory)));
			}
		}
		ShutdownReporter reporter = new ShutdownReporter(quietShutdownState, quietShutdownStatistics, file,
				report.isShowMessages(), timeline.getIfAvailable());
		// The summary is the last line the starter writes, after the watchdog's.
		watchdog.ifAvailable((lingering) -> reporter.setSummaryScheduler(lingering::afterInspection));
		return reporter;
	}

	// A configured location that cannot be written fails startup; an unsafe one is
	// refused with a WARN, like the default location.
	private static void prepare(ShutdownReportFile file, Path location) {
		try {
			file.prepare();
		}
		catch (IOException ex) {
			throw new InvalidQuietShutdownPropertyException("quiet-shutdown.report.file.location", location,
					"the folder " + file.getLocation().getParent() + " cannot be created or written (" + ex + ")",
					"Choose a location in a folder the application's user can create and write, or set "
							+ "'quiet-shutdown.report.file.enabled=false'.",
					ex);
		}
	}

	// The @SpringBootConfiguration class is the one SpringApplication runs, in practice
	// the main class.
	private static String mainClassName(ListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				return ClassUtils.getUserClass(type).getName();
			}
		}
		return null;
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownReportLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(ShutdownReporter.class);
	}

}
