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
package io.github.quietshutdown.record;

/**
 * Key of a suppression count.
 *
 * @param source where the symptom was caught
 * @param exception simple class name of the matched exception
 *
 * @author Quiet Shutdown authors
 */
public record SuppressionKey(SymptomSource source, String exception) implements Comparable<SuppressionKey> {

	@Override
	public int compareTo(SuppressionKey other) {
		int bySource = this.source.compareTo(other.source);
		return (bySource != 0) ? bySource : this.exception.compareTo(other.exception);
	}

}
