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

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.FieldHint;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.github.quietshutdown.classify.SymptomCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuietShutdownRuntimeHints}.
 */
class QuietShutdownRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	QuietShutdownRuntimeHintsTests() {
		new QuietShutdownRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void symptomCatalogueIsAResource() {
		assertThat(RuntimeHintsPredicates.resource().forResource(SymptomCatalogue.LOCATION)).accepts(this.hints);
	}

	@Test
	void everyExecutorFieldTheStarterReadsOrWritesIsReflective() {
		assertFieldHint(ThreadPoolTaskExecutor.class, "taskDecorator", TaskDecorator.class);
		assertFieldHint(ThreadPoolTaskScheduler.class, "taskDecorator", TaskDecorator.class);
		assertFieldHint(SimpleAsyncTaskExecutor.class, "taskDecorator", TaskDecorator.class);
		assertFieldHint(ConcurrentTaskExecutor.class, "taskDecorator", TaskDecorator.class);
		assertFieldHint(ThreadPoolTaskExecutor.class, "decoratedTaskMap", Map.class);
		assertFieldHint(ClassUtils.resolveClassName(
				"org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler$DelegatingRunnableScheduledFuture", null),
				"decoratedRunnable", Runnable.class);
	}

	@Test
	void hintsAreRegisteredWithTheAutoConfiguration() {
		assertThat(QuietShutdownAutoConfiguration.class
			.getAnnotation(org.springframework.context.annotation.ImportRuntimeHints.class)
			.value()).containsExactly(QuietShutdownRuntimeHints.class);
	}

	private void assertFieldHint(Class<?> type, String name, Class<?> fieldType) {
		Field field = ReflectionUtils.findField(type, name, fieldType);
		assertThat(field).as(type.getName() + "." + name).isNotNull();
		TypeHint hint = this.hints.reflection().getTypeHint(field.getDeclaringClass());
		assertThat(hint).as(field.getDeclaringClass().getName()).isNotNull();
		assertThat(hint.fields().map(FieldHint::getName)).as(type.getName()).contains(name);
	}

}
