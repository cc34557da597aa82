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
package io.github.quietshutdown.drain;

import java.util.Map;

import org.springframework.util.CustomizableThreadCreator;

import io.github.quietshutdown.task.QuietTasks;

/**
 * The one thread-dump formatter of the drain: a thread's name, state and the top of its
 * stack, for the threads still running tasks at a drain deadline and for the threads that
 * linger once the context has closed.
 *
 * @author Quiet Shutdown authors
 */
final class ThreadDumps {

	private static final int STACK_DEPTH = 12;

	private ThreadDumps() {
	}

	/**
	 * Describe the threads of the given executor that are running a task, each on its own
	 * lines.
	 * @param executor the executor; its threads are found by their name prefix, if it has one
	 * @return the description, empty if no such thread runs
	 */
	static String tasksRunningOn(Object executor) {
		String prefix = (executor instanceof CustomizableThreadCreator creator) ? creator.getThreadNamePrefix() : null;
		StringBuilder report = new StringBuilder();
		for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
			Thread thread = entry.getKey();
			StackTraceElement[] stack = entry.getValue();
			if ((prefix == null || thread.getName().startsWith(prefix)) && runsTask(stack)) {
				describe(report, thread, stack);
			}
		}
		return report.toString();
	}

	/**
	 * Whether a stack runs a task that the starter wraps.
	 * @param stack the stack of a thread
	 * @return {@code true} if a frame belongs to the task wrapper
	 */
	static boolean runsTask(StackTraceElement[] stack) {
		for (StackTraceElement element : stack) {
			if (QuietTasks.isWrapperFrame(element)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Append a thread, on a new line, with the top of its stack.
	 * @param report where to append
	 * @param thread the thread
	 * @param stack its stack
	 */
	static void describe(StringBuilder report, Thread thread, StackTraceElement[] stack) {
		report.append("\n  thread '").append(thread.getName()).append("' (").append(thread.getState()).append(')');
		for (int i = 0; i < Math.min(STACK_DEPTH, stack.length); i++) {
			report.append("\n\tat ").append(stack[i]);
		}
		if (stack.length > STACK_DEPTH) {
			report.append("\n\t... ").append(stack.length - STACK_DEPTH).append(" more");
		}
	}

}
