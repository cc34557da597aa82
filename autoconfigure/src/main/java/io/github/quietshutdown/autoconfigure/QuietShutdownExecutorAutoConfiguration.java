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

import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.quietshutdown.drain.FallbackExecutorCheck;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.ExecutorDecoratingPostProcessor;
import io.github.quietshutdown.task.QuietTaskDecorator;
import io.github.quietshutdown.task.TrackedExecutors;

/**
 * Auto-configuration that composes the quiet task decorator onto every Spring-managed
 * executor and scheduler, and warns when {@code @Async} or {@code @Scheduled} work runs on
 * a fallback executor that is not a bean.
 *
 * @author Quiet Shutdown authors
 */
@AutoConfiguration(after = QuietShutdownAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "quiet-shutdown.enabled", matchIfMissing = true)
public final class QuietShutdownExecutorAutoConfiguration {

	@Bean
	static ExecutorDecoratingPostProcessor quietShutdownExecutorDecoratingPostProcessor(
			ObjectProvider<SymptomSuppressor> suppressor, ObjectProvider<TrackedExecutors> trackedExecutors,
			Environment environment) {
		// Bound here rather than injected: a post-processor must not initialise the
		// properties bean early.
		Set<String> excluded = Binder.get(environment)
			.bind("quiet-shutdown.executors.exclude", Bindable.setOf(String.class))
			.orElse(Set.of());
		return new ExecutorDecoratingPostProcessor((name, executor) -> new QuietTaskDecorator(name,
				suppressor.getObject(), trackedExecutors.getObject().register(name, executor)), excluded);
	}

	@Bean
	ExecutorNamesValidator quietShutdownExecutorNamesValidator(ListableBeanFactory beanFactory,
			QuietShutdownProperties properties) {
		return new ExecutorNamesValidator(beanFactory, properties);
	}

	@Bean
	static LazyInitializationExcludeFilter quietShutdownExecutorLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(ExecutorNamesValidator.class, FallbackExecutorCheck.class);
	}

	@Bean
	@ConditionalOnMissingBean
	FallbackExecutorCheck quietShutdownFallbackExecutorCheck() {
		return new FallbackExecutorCheck();
	}

}
