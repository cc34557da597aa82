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
 * One suppressed symptom, kept as an example.
 *
 * @param source where it was caught
 * @param origin what raised it
 * @param signature id of the signature that matched
 * @param exception class name of the matched exception
 * @param message its message; it may carry data, so it is shown only on request
 *
 * @author Quiet Shutdown authors
 */
public record SymptomSample(String source, String origin, String signature, String exception, String message) {

}
