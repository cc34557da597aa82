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
package io.github.quietshutdown.intercept.thread;

import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Registers the suppressor of its context with the {@link QuietUncaughtExceptionHandler}
 * once the context's singletons exist, and unregisters it through
 * {@link JvmWideInterceptions} once the context has closed.
 *
 * @author Quiet Shutdown authors
 */
public final class UncaughtExceptionHandlerInstaller implements SmartInitializingSingleton {

	private final SymptomSuppressor suppressor;

	private final JvmWideInterceptions interceptions;

	/**
	 * Create a new installer.
	 * @param suppressor the suppressor of the context
	 * @param interceptions where the release is registered
	 */
	public UncaughtExceptionHandlerInstaller(SymptomSuppressor suppressor, JvmWideInterceptions interceptions) {
		this.suppressor = suppressor;
		this.interceptions = interceptions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.interceptions.onRelease(QuietUncaughtExceptionHandler.register(this.suppressor));
	}

}
