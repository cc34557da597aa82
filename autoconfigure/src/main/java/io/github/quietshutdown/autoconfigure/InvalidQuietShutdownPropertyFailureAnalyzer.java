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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Failure analysis of an {@link InvalidQuietShutdownPropertyException}: the property, its
 * value, why it is invalid and how to fix it.
 *
 * @author Quiet Shutdown authors
 */
class InvalidQuietShutdownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidQuietShutdownPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidQuietShutdownPropertyException cause) {
		String description = "Invalid Quiet Shutdown configuration:\n\n    Property: " + cause.getProperty()
				+ "\n    Value: \"" + cause.getValue() + "\"\n    Reason: " + cause.getReason();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
