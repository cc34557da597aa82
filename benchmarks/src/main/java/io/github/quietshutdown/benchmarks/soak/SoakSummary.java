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

/**
 * What the soak's cycles found, summed.
 *
 * @author Quiet Shutdown authors
 */
public final class SoakSummary {

	private static final int MAX_FAILURE_LINES = 200;

	private int cycles;

	private int escaped;

	private int hangs;

	private int otherAccountingErrors;

	private int lostByScheduler;

	private long submitted;

	private long completed;

	private long abandoned;

	private long rejected;

	private long failedTasks;

	private long suppressed;

	private long rawFailures;

	private int cyclesWithAbandonment;

	private int cyclesDrained;

	private final List<String> failures = new ArrayList<>();

	void add(Cycle.Result result, long seed) {
		Ledger.Tally tally = result.tally();
		this.cycles++;
		this.escaped += result.escapes().size();
		this.hangs += result.hangs().isEmpty() ? 0 : 1;
		this.otherAccountingErrors += tally.errors;
		this.lostByScheduler += tally.lostByScheduler;
		this.submitted += tally.submitted;
		this.completed += tally.completed;
		this.abandoned += tally.abandoned;
		this.rejected += tally.rejected;
		this.failedTasks += result.failedTasks();
		this.suppressed += result.suppressed();
		this.rawFailures += result.rawFailures();
		this.cyclesWithAbandonment += (tally.abandoned > 0) ? 1 : 0;
		this.cyclesDrained += result.drained() ? 1 : 0;
		List<String> problems = new ArrayList<>();
		result.escapes().stream().limit(5).forEach((escape) -> problems.add("escaped: " + escape));
		result.hangs().forEach((hang) -> problems.add("hang: " + hang));
		tally.details.forEach((detail) -> problems.add("accounting: " + detail));
		if (!problems.isEmpty() && this.failures.size() < MAX_FAILURE_LINES) {
			this.failures.add("cycle " + result.number() + " (seed " + seed + ", "
					+ result.drainTimeout().toMillis() + " ms drain timeout):");
			problems.forEach((problem) -> this.failures.add("  " + problem));
		}
	}

	/**
	 * Whether no symptom escaped, nothing hung and every task was accounted for.
	 * @return {@code true} if the soak passed
	 */
	public boolean passed() {
		return this.escaped == 0 && this.hangs == 0 && getAccountingErrors() == 0;
	}

	/**
	 * Return the number of symptoms that reached a person.
	 * @return the escaped count
	 */
	public int getEscaped() {
		return this.escaped;
	}

	/**
	 * Return the number of cycles in which something did not end within the bound.
	 * @return the hung cycles
	 */
	public int getHangs() {
		return this.hangs;
	}

	/**
	 * Return the number of tasks without exactly one outcome.
	 * @return the accounting errors, scheduler losses included
	 */
	public int getAccountingErrors() {
		return this.otherAccountingErrors + this.lostByScheduler;
	}

	/**
	 * Return the number of accounting errors other than tasks lost by the scheduler: tasks
	 * of the executors without exactly one outcome, or scheduler tasks with two.
	 * @return the other accounting errors
	 */
	public int getOtherAccountingErrors() {
		return this.otherAccountingErrors;
	}

	/**
	 * Return the number of tasks that the scheduler accepted and that neither ran nor were
	 * reported.
	 * @return the lost scheduler tasks
	 */
	public int getLostByScheduler() {
		return this.lostByScheduler;
	}

	/**
	 * Return the number of tasks abandoned and reported.
	 * @return the abandoned count
	 */
	public long getAbandoned() {
		return this.abandoned;
	}

	/**
	 * Return the number of tasks refused to their submitter.
	 * @return the rejected count
	 */
	public long getRejected() {
		return this.rejected;
	}

	/**
	 * Return the number of cycles that abandoned at least one task.
	 * @return the cycles with abandonment
	 */
	public int getCyclesWithAbandonment() {
		return this.cyclesWithAbandonment;
	}

	/**
	 * Return what went wrong, cycle by cycle, at most 200 lines.
	 * @return the failure lines
	 */
	public List<String> getFailures() {
		return this.failures;
	}

	/**
	 * Describe the figures behind the summary line.
	 * @return a description over three lines
	 */
	public String describe() {
		return "tasks: submitted=" + this.submitted + " completed=" + this.completed + " abandoned=" + this.abandoned
				+ " rejected=" + this.rejected + " (each thrown to its submitter); failed tasks=" + this.failedTasks + ", symptoms suppressed=" + this.suppressed
				+ ", failures caught by raw threads=" + this.rawFailures + "\ncycles: drained before the deadline="
				+ this.cyclesDrained + ", with abandoned tasks=" + this.cyclesWithAbandonment
				+ "\naccounting errors: " + this.lostByScheduler + " scheduler task(s) accepted, then neither run nor reported; " + this.otherAccountingErrors
				+ " other(s)";
	}

	/**
	 * Return the summary line.
	 * @return {@code SOAK cycles=<n> escaped=<n> hangs=<n> accounting_errors=<n>}
	 */
	public String line() {
		return "SOAK cycles=" + this.cycles + " escaped=" + this.escaped + " hangs=" + this.hangs
				+ " accounting_errors=" + getAccountingErrors();
	}

}
