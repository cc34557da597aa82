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

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.metrics.DeferredRegistryClosePostProcessor;
import io.github.quietshutdown.task.SpringExecutors;

/**
 * Runtime hints for Spring AOT and native images: the symptom catalogue resource, the
 * executors' private fields the starter reads and writes (see {@link SpringExecutors}),
 * and Spring Boot's meter registry closer.
 * A field that a Spring version does not have is left out, as the starter then does without
 * it.
 *
 * @author Quiet Shutdown authors
 */
final class QuietShutdownRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern(SymptomCatalogue.LOCATION);
		SpringExecutors.privateFields().forEach(hints.reflection()::registerField);
		for (String closer : DeferredRegistryClosePostProcessor.CLOSER_CLASSES) {
			hints.reflection().registerTypeIfPresent(classLoader, closer, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
