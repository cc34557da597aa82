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
package io.github.quietshutdown.benchmarks.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.quietshutdown.AbandonedTask;
import io.github.quietshutdown.AbandonedTaskHandler;
import io.github.quietshutdown.TaskOutcome;

/**
 * What became of every task submitted in one cycle, recorded by whoever learns it: the
 * submitter (accepted, or refused with a {@code TaskRejectedException}), the task itself
 * (it ran), and the {@link AbandonedTaskHandler} (abandoned, or ran and failed). A refusal
 * is the submitter's to know: it must not be reported as well.
 * Tasks are found in reports by the id in their description, whatever wraps them.
 *
 * @author Quiet Shutdown authors
 */
final class Ledger implements AbandonedTaskHandler {

	private static final Pattern ID = Pattern.compile("soak#(\\d+)");

	private final AtomicInteger submitted = new AtomicInteger();

	private final AtomicIntegerArray accepted;

	private final AtomicIntegerArray rejectedThrown;

	private final AtomicIntegerArray ran;

	private final AtomicIntegerArray abandoned;

	private final AtomicIntegerArray rejectedReported;

	private final AtomicIntegerArray failed;

	private final AtomicIntegerArray scheduled;

	private final AtomicInteger unknownReports = new AtomicInteger();

	Ledger(int capacity) {
		this.accepted = new AtomicIntegerArray(capacity);
		this.rejectedThrown = new AtomicIntegerArray(capacity);
		this.ran = new AtomicIntegerArray(capacity);
		this.abandoned = new AtomicIntegerArray(capacity);
		this.rejectedReported = new AtomicIntegerArray(capacity);
		this.failed = new AtomicIntegerArray(capacity);
		this.scheduled = new AtomicIntegerArray(capacity);
	}

	int newTask(boolean toScheduler) {
		int id = this.submitted.getAndIncrement();
		if (toScheduler) {
			this.scheduled.set(id, 1);
		}
		return id;
	}

	void accepted(int id) {
		this.accepted.incrementAndGet(id);
	}

	void rejectedThrown(int id) {
		this.rejectedThrown.incrementAndGet(id);
	}

	void ran(int id) {
		this.ran.incrementAndGet(id);
	}

	@Override
	public void handle(AbandonedTask task) {
		Matcher matcher = ID.matcher(task.description());
		if (!matcher.find()) {
			this.unknownReports.incrementAndGet();
			return;
		}
		int id = Integer.parseInt(matcher.group(1));
		if (task.outcome() == TaskOutcome.REJECTED) {
			this.rejectedReported.incrementAndGet(id);
		}
		else if (task.outcome() == TaskOutcome.FAILED) {
			this.failed.incrementAndGet(id);
		}
		else {
			this.abandoned.incrementAndGet(id);
		}
	}

	/**
	 * Check that every submitted task has exactly one outcome. Call once every thread that
	 * could still record one has ended.
	 * @return the tally
	 */
	Tally tally() {
		Tally tally = new Tally();
		tally.errors += this.unknownReports.get();
		if (this.unknownReports.get() > 0) {
			tally.details.add(this.unknownReports.get() + " report(s) of tasks that are not soak tasks");
		}
		for (int id = 0; id < this.submitted.get(); id++) {
			int ran = this.ran.get(id);
			int abandoned = this.abandoned.get(id);
			int thrown = this.rejectedThrown.get(id);
			int reported = this.rejectedReported.get(id);
			boolean scheduler = this.scheduled.get(id) == 1;
			tally.submitted++;
			boolean accepted = this.accepted.get(id) == 1;
			int failed = this.failed.get(id);
			if (accepted && ran == 1 && failed <= 1 && abandoned + thrown + reported == 0) {
				// Ran; a task that threw during shutdown is also reported, as failed.
				tally.completed++;
				tally.failed += failed;
			}
			else if (accepted && abandoned == 1 && ran + thrown + reported == 0) {
				tally.abandoned++;
			}
			else if (!accepted && thrown == 1 && reported == 0 && ran + abandoned + failed == 0) {
				// The submitter has the exception: counted by the starter, not reported.
				tally.rejected++;
			}
			else if (scheduler && accepted && ran + abandoned + thrown + reported == 0) {
				// Accepted by the scheduler, then neither run nor reported: lost.
				tally.lostByScheduler++;
				detail(tally, id, ran, abandoned, thrown, reported);
			}
			else {
				tally.errors++;
				detail(tally, id, ran, abandoned, thrown, reported);
			}
		}
		return tally;
	}

	private void detail(Tally tally, int id, int ran, int abandoned, int thrown, int reported) {
		if (tally.details.size() < 5) {
			tally.details.add("soak#" + id + ((this.scheduled.get(id) == 1) ? " (scheduler)" : " (executor)")
					+ ": accepted=" + this.accepted.get(id) + " ran=" + ran + " abandoned=" + abandoned
					+ " rejectedThrown=" + thrown + " rejectedReported=" + reported);
		}
	}

	/**
	 * Outcome counts of one cycle. A task that the scheduler accepted and that neither ran
	 * nor was reported is counted apart from the other errors, as {@link #lostByScheduler},
	 * because that is how the scheduler's one-shot tasks used to go missing; it is still an
	 * accounting error.
	 */
	static final class Tally {

		int submitted;

		int completed;

		int abandoned;

		int failed;

		int rejected;

		int lostByScheduler;

		int errors;

		final List<String> details = new ArrayList<>();

	}

}
