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
package io.github.quietshutdown.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.LostTask;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSample;

/**
 * A snapshot of what shutdown did, as plain maps and lists (for JSON and the endpoint),
 * and its one-line summary.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownReport {

	private static final String HIDDEN = "******";

	private static final int TOP = 5;

	private ShutdownReport() {
	}

	/**
	 * Take a snapshot.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param showMessages whether to show exception messages
	 * @return the report, with stable field order
	 */
	public static Map<String, Object> snapshot(ShutdownState state, ShutdownStatistics statistics,
			boolean showMessages) {
		return snapshot(state, statistics, showMessages, null);
	}

	/**
	 * Take a snapshot with the timeline: each phase with its start offset and duration, and
	 * the slowest one.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param showMessages whether to show exception messages
	 * @param timeline the timeline, or {@code null} for none
	 * @return the report, with stable field order
	 */
	public static Map<String, Object> snapshot(ShutdownState state, ShutdownStatistics statistics,
			boolean showMessages, ShutdownTimeline timeline) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("phase", state.getPhase().name());
		report.put("since", String.valueOf(state.getSince()));
		Instant closing = state.getEntered(ShutdownPhase.CLOSING);
		report.put("closingAt", (closing != null) ? closing.toString() : null);
		Instant closed = state.getEntered(ShutdownPhase.CLOSED);
		report.put("closedAt", (closed != null) ? closed.toString() : null);
		report.put("durationMs", (closing != null)
				? Duration.between(closing, (closed != null) ? closed : Instant.now()).toMillis() : 0L);
		report.put("suppressed", suppressed(statistics));
		report.put("tasks", tasks(statistics));
		List<Map<String, Object>> samples = new ArrayList<>();
		for (SymptomSample sample : statistics.getSamples()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("source", sample.source());
			entry.put("origin", sample.origin());
			entry.put("signature", sample.signature());
			entry.put("exception", sample.exception());
			entry.put("message", showMessages ? sample.message() : HIDDEN);
			samples.add(entry);
		}
		report.put("samples", samples);
		if (timeline != null) {
			report.put("timeline", timeline(timeline));
			ShutdownTimeline.Phase slowest = timeline.getSlowest();
			report.put("slowest", (slowest != null) ? phase(slowest) : null);
		}
		return report;
	}

	private static List<Map<String, Object>> timeline(ShutdownTimeline timeline) {
		List<Map<String, Object>> phases = new ArrayList<>();
		timeline.getPhases().forEach((phase) -> phases.add(phase(phase)));
		return phases;
	}

	private static Map<String, Object> phase(ShutdownTimeline.Phase phase) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("phase", phase.name());
		entry.put("startMs", phase.startMs());
		entry.put("durationMs", phase.durationMs());
		return entry;
	}

	private static Map<String, Object> suppressed(ShutdownStatistics statistics) {
		Map<String, Long> bySource = new TreeMap<>();
		Map<String, Long> byException = new TreeMap<>();
		statistics.getSuppressed().forEach((key, count) -> {
			bySource.merge(key.source().tagValue(), count, Long::sum);
			byException.merge(key.exception(), count, Long::sum);
		});
		Map<String, Object> suppressed = new LinkedHashMap<>();
		suppressed.put("total", statistics.getSuppressedTotal());
		suppressed.put("bySource", bySource);
		suppressed.put("byException", byException);
		return suppressed;
	}

	private static Map<String, Object> tasks(ShutdownStatistics statistics) {
		Map<String, Object> tasks = new LinkedHashMap<>();
		for (TaskOutcome outcome : TaskOutcome.values()) {
			tasks.put(outcome.tagValue(), statistics.getTasks(outcome));
		}
		Map<String, Map<String, Object>> byExecutor = new TreeMap<>();
		statistics.getTasks().forEach((key, count) -> byExecutor
			.computeIfAbsent(key.executor(), (name) -> new LinkedHashMap<>())
			.put(key.outcome().tagValue(), count));
		statistics.getAccepted().forEach((executor, count) -> byExecutor
			.computeIfAbsent(executor, (name) -> new LinkedHashMap<>())
			.put("accepted", count));
		statistics.getRunning().forEach((executor, count) -> byExecutor
			.computeIfAbsent(executor, (name) -> new LinkedHashMap<>())
			.put("running", count));
		statistics.getDrains().forEach((executor, duration) -> byExecutor
			.computeIfAbsent(executor, (name) -> new LinkedHashMap<>())
			.put("drainMs", duration.toMillis()));
		tasks.put("accepted", statistics.getAccepted().values().stream().mapToLong(Long::longValue).sum());
		tasks.put("running", statistics.getRunning().values().stream().mapToLong(Long::longValue).sum());
		tasks.put("byExecutor", byExecutor);
		List<Map<String, Object>> lost = new ArrayList<>();
		for (LostTask task : statistics.getLost()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("executor", task.executor());
			entry.put("outcome", task.outcome());
			entry.put("task", task.task());
			entry.put("reason", task.reason());
			lost.add(entry);
		}
		tasks.put("notDone", lost);
		return tasks;
	}

	/**
	 * Return the one-line summary of a snapshot:
	 * {@code duration=<ms>ms suppressed=<n> accepted=<n> completed=<n> failed=<n> abandoned=<n> rejected=<n>
	 * [running=<n>] top=<exception>:<n>,...}: the books balance when accepted = completed + failed +
	 * abandoned + running; then
	 * {@code slowest=<phase>:<seconds>s} when the snapshot has a timeline.
	 * @param statistics the counts
	 * @param report a snapshot taken by {@link #snapshot}
	 * @return the summary line
	 */
	public static String summary(ShutdownStatistics statistics, Map<String, Object> report) {
		return summaryLine(statistics, report).toString();
	}

	/**
	 * Return the summary of a snapshot as named fields, for its text and its key-value
	 * pairs. A new field is one more {@code add}.
	 * @param statistics the counts
	 * @param report a snapshot taken by {@link #snapshot}
	 * @return the summary line
	 */
	public static SummaryLine summaryLine(ShutdownStatistics statistics, Map<String, Object> report) {
		@SuppressWarnings("unchecked")
		Map<String, Object> tasks = (Map<String, Object>) report.get("tasks");
		@SuppressWarnings("unchecked")
		Map<String, Object> suppressed = (Map<String, Object>) report.get("suppressed");
		@SuppressWarnings("unchecked")
		Map<String, Long> byException = (Map<String, Long>) suppressed.get("byException");
		String top = byException.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map((entry) -> entry.getKey() + ":" + entry.getValue())
			.collect(Collectors.joining(","));
		SummaryLine line = new SummaryLine().addMillis("duration", ((Number) report.get("durationMs")).longValue())
			.add("suppressed", suppressed.get("total"))
			.add("accepted", tasks.get("accepted"))
			.add("completed", tasks.get("completed"))
			.add("failed", tasks.get("failed"))
			.add("abandoned", tasks.get("abandoned"))
			.add("rejected", tasks.get("rejected"));
		if (tasks.get("running") instanceof Long running && running > 0) {
			line.add("running", running);
		}
		line.add("top", top.isEmpty() ? "none" : top);
		if (report.containsKey("slowest")) {
			line.add("slowest", slowest(report));
		}
		return line;
	}

	@SuppressWarnings("unchecked")
	private static String slowest(Map<String, Object> report) {
		Map<String, Object> slowest = (Map<String, Object>) report.get("slowest");
		if (slowest == null) {
			return "none";
		}
		long millis = ((Number) slowest.get("durationMs")).longValue();
		return slowest.get("phase") + ":" + String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
	}

}
