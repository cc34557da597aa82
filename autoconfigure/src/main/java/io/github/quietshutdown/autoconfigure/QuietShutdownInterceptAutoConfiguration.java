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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.annotation.AsyncAnnotationBeanPostProcessor;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.intercept.method.QuietMethodAdvisor;
import io.github.quietshutdown.intercept.thread.UncaughtExceptionHandlerInstaller;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Auto-configuration that catches shutdown symptoms on the roads besides executor tasks:
 * {@code @Scheduled} methods, {@code void @Async} methods and dying threads.
 * <p>
 * The method advisors are registered only when {@code @EnableScheduling} or
 * {@code @EnableAsync} (proxy mode) is in use, so no bean is proxied for nothing. Their
 * post-processors are found by type: their bean names differ between Spring Framework 6.2
 * and 7.0.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = QuietShutdownAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
@ConditionalOnBean(SymptomSuppressor.class)
public final class QuietShutdownInterceptAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static JvmWideInterceptions quietShutdownJvmWideInterceptions() {
		return new JvmWideInterceptions();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.intercept.scheduled", matchIfMissing = true)
	@ConditionalOnBean(ScheduledAnnotationBeanPostProcessor.class)
	static QuietMethodAdvisor quietShutdownScheduledAdvisor(ObjectProvider<SymptomSuppressor> suppressor) {
		return QuietMethodAdvisor.scheduled(suppressor::getIfAvailable);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.intercept.async", matchIfMissing = true)
	@ConditionalOnBean(AsyncAnnotationBeanPostProcessor.class)
	static QuietMethodAdvisor quietShutdownAsyncAdvisor(ObjectProvider<SymptomSuppressor> suppressor) {
		return QuietMethodAdvisor.async(suppressor::getIfAvailable);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "quiet-shutdown.intercept.threads", matchIfMissing = true)
	UncaughtExceptionHandlerInstaller quietShutdownUncaughtExceptionHandlerInstaller(SymptomSuppressor symptomSuppressor,
			JvmWideInterceptions quietShutdownJvmWideInterceptions) {
		return new UncaughtExceptionHandlerInstaller(symptomSuppressor, quietShutdownJvmWideInterceptions);
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownInterceptLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(UncaughtExceptionHandlerInstaller.class);
	}

}
