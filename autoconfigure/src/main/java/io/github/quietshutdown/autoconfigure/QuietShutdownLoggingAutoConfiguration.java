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

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.intercept.logging.Log4j2FilterInstaller;
import io.github.quietshutdown.intercept.logging.LogbackFilterInstaller;
import io.github.quietshutdown.intercept.logging.LoggingFilterInstaller;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Auto-configuration that filters shutdown symptoms logged by threads the starter does not
 * own, in Logback or in Log4j2, whichever is in use.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = { QuietShutdownAutoConfiguration.class, QuietShutdownInterceptAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "quiet-shutdown.intercept.logging", matchIfMissing = true)
@ConditionalOnBean(SymptomSuppressor.class)
public final class QuietShutdownLoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static JvmWideInterceptions quietShutdownJvmWideInterceptions() {
		return new JvmWideInterceptions();
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownLoggingLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(LoggingFilterInstaller.class);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
	static class LogbackConfiguration {

		@Bean
		LogbackFilterInstaller quietShutdownLogbackFilterInstaller(SymptomSuppressor symptomSuppressor,
				JvmWideInterceptions quietShutdownJvmWideInterceptions, QuietShutdownProperties properties) {
			return new LogbackFilterInstaller(symptomSuppressor, quietShutdownJvmWideInterceptions,
					properties.getIntercept().isLabelDuringShutdown());
		}

	}

	// log4j-to-slf4j routes the Log4j API to SLF4J (Spring Boot's default logging).
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.logging.log4j.core.LoggerContext")
	@ConditionalOnMissingClass("org.apache.logging.slf4j.SLF4JLoggerContextFactory")
	static class Log4j2Configuration {

		@Bean
		Log4j2FilterInstaller quietShutdownLog4j2FilterInstaller(SymptomSuppressor symptomSuppressor,
				JvmWideInterceptions quietShutdownJvmWideInterceptions, QuietShutdownProperties properties) {
			return new Log4j2FilterInstaller(symptomSuppressor, quietShutdownJvmWideInterceptions,
					properties.getIntercept().isLabelDuringShutdown());
		}

	}

}
