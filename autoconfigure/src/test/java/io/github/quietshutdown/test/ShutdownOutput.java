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
package io.github.quietshutdown.test;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the output of {@link ShutdownRoadsApplication} shows, road by road.
 */
public final class ShutdownOutput {

	/**
	 * What Spring's default scheduler error handler logs.
	 */
	public static final String SCHEDULED_ERROR = "Unexpected error occurred in scheduled task";

	/**
	 * What Spring's default async uncaught-exception handler logs.
	 */
	public static final String ASYNC_ERROR = "Unexpected exception occurred invoking async method";

	/**
	 * What the JDK prints for a raw thread that dies.
	 */
	public static final String RAW_THREAD_DIED = "Exception in thread \"raw-";

	/**
	 * What the JDK prints for an executor worker that dies.
	 */
	public static final String WORKER_DIED = "Exception in thread \"task-";

	/**
	 * What the foreign threads log.
	 */
	public static final String FOREIGN_RECORD = "Listener container";

	private ShutdownOutput() {
	}

	/**
	 * Assert the output holds no trace of a shutdown symptom: no stack frame, no closed-pool
	 * message, nothing any road logs or prints for a failure.
	 * @param output the captured output
	 */
	public static void assertNoSymptomOutput(CapturedOutput output) {
		assertThat(output).doesNotContain("\tat ")
			.doesNotContain("has been closed.")
			.doesNotContain("Exception in thread")
			.doesNotContain(SCHEDULED_ERROR)
			.doesNotContain(ASYNC_ERROR)
			.doesNotContain(FOREIGN_RECORD);
	}

	/**
	 * Count the occurrences of a text in the output.
	 * @param output the captured output
	 * @param text the text
	 * @return how many times it occurs
	 */
	public static int occurrences(CapturedOutput output, String text) {
		String all = output.toString();
		int count = 0;
		for (int index = all.indexOf(text); index >= 0; index = all.indexOf(text, index + text.length())) {
			count++;
		}
		return count;
	}

	/**
	 * Assert that a text occurs exactly the given number of times, once the output has
	 * settled: a thread killed by an uncaught exception is printed by the JDK after its
	 * executor has terminated, so the line may come after {@code close()} has returned. Waits
	 * at most ten seconds for the count to be reached, then checks it is not exceeded.
	 * @param output the captured output
	 * @param text the text
	 * @param expected the exact number of occurrences
	 */
	public static void assertOccurrences(CapturedOutput output, String text, int expected) {
		org.awaitility.Awaitility.await()
			.dontCatchUncaughtExceptions()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> occurrences(output, text) >= expected);
		org.assertj.core.api.Assertions.assertThat(occurrences(output, text)).as("occurrences of '%s'", text)
			.isEqualTo(expected);
	}

}
