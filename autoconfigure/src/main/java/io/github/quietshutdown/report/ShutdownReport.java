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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.lang.Nullable;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownTimeline;
import io.github.quietshutdown.TaskOutcome;
import io.github.quietshutdown.record.LostTask;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSample;

/**
 * What shutdown did, as one typed value: the report file, the endpoint and the summary line
 * are all written from it (see {@link ShutdownReportJson} and {@link SummaryLine}).
 *
 * @param progress whether the report is complete, and how far shutdown had got, when a
 * timeline is kept; else {@code null}
 * @param phase the shutdown phase when the snapshot was taken
 * @param since when that phase was entered
 * @param closingAt when shutdown began, or {@code null}
 * @param closedAt when the context had closed, or {@code null}
 * @param durationMs from the beginning of shutdown to its end, or to now
 * @param suppressed the symptoms suppressed
 * @param tasks the books of the executors
 * @param samples the first symptoms suppressed
 * @param timeline the phases of shutdown, or {@code null} when no timeline is kept
 * @author Quiet Shutdown authors
 */
public record ShutdownReport(@Nullable Progress progress, String phase, String since, @Nullable String closingAt,
		@Nullable String closedAt, long durationMs, Suppressed suppressed, Tasks tasks, List<SymptomSample> samples,
		@Nullable Timeline timeline) {

	private static final String HIDDEN = "******";

	/**
	 * Take a snapshot.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param showMessages whether to show exception messages
	 * @param timeline the timeline, or {@code null} for none
	 * @param progress how far shutdown had got, or {@code null} without a timeline
	 * @return the report
	 */
	public static ShutdownReport of(ShutdownState state, ShutdownStatistics statistics, boolean showMessages,
			@Nullable ShutdownTimeline timeline, @Nullable Progress progress) {
		Instant closing = state.getEntered(ShutdownPhase.CLOSING);
		Instant closed = state.getEntered(ShutdownPhase.CLOSED);
		long durationMs = (closing != null)
				? Duration.between(closing, (closed != null) ? closed : Instant.now()).toMillis() : 0L;
		List<SymptomSample> samples = statistics.getSamples()
			.stream()
			.map((sample) -> showMessages ? sample : new SymptomSample(sample.source(), sample.origin(),
					sample.signature(), sample.exception(), HIDDEN))
			.toList();
		return new ShutdownReport(progress, state.getPhase().name(), String.valueOf(state.getSince()),
				(closing != null) ? closing.toString() : null, (closed != null) ? closed.toString() : null, durationMs,
				Suppressed.of(statistics), Tasks.of(statistics), samples,
				(timeline != null) ? new Timeline(timeline.getPhases(), timeline.getSlowest()) : null);
	}

	/**
	 * Return the report as the document the report file holds: the same fields in the same
	 * order, for the endpoint.
	 * @return the document
	 */
	public Map<String, Object> toDocument() {
		return ShutdownReportJson.toDocument(this);
	}

	/**
	 * How far shutdown had got when the report was written, kept with a timeline: a report
	 * that never says {@code completed} means the process was killed.
	 *
	 * @param completed whether shutdown had completed
	 * @param startedAt when shutdown began
	 * @param elapsedMs the time since then
	 * @param currentPhase the phase under way, or {@code null} once complete
	 */
	public record Progress(boolean completed, String startedAt, long elapsedMs, @Nullable String currentPhase) {

	}

	/**
	 * The symptoms suppressed.
	 *
	 * @param total how many
	 * @param bySource how many on each road, by its tag value
	 * @param byException how many of each exception, by its simple name
	 */
	public record Suppressed(long total, Map<String, Long> bySource, Map<String, Long> byException) {

		static Suppressed of(ShutdownStatistics statistics) {
			Map<String, Long> bySource = new TreeMap<>();
			Map<String, Long> byException = new TreeMap<>();
			statistics.getSuppressed().forEach((key, count) -> {
				bySource.merge(key.source().tagValue(), count, Long::sum);
				byException.merge(key.exception(), count, Long::sum);
			});
			return new Suppressed(statistics.getSuppressedTotal(), bySource, byException);
		}

	}

	/**
	 * The books of every executor: accepted = completed + failed + abandoned + running;
	 * refusals apart.
	 *
	 * @param outcomes how many tasks ended each way, by the outcome's tag value, in the
	 * order of {@link TaskOutcome}
	 * @param accepted the tasks in the books
	 * @param running the tasks still pending
	 * @param byExecutor the same for each executor, by bean name
	 * @param notDone the first tasks that failed or were abandoned, by name
	 */
	public record Tasks(Map<String, Long> outcomes, long accepted, long running, Map<String, Map<String, Long>> byExecutor,
			List<LostTask> notDone) {

		static Tasks of(ShutdownStatistics statistics) {
			Map<String, Long> outcomes = new LinkedHashMap<>();
			for (TaskOutcome outcome : TaskOutcome.values()) {
				outcomes.put(outcome.tagValue(), statistics.getTasks(outcome));
			}
			Map<String, Map<String, Long>> byExecutor = new TreeMap<>();
			statistics.getTasks().forEach((key, count) -> executor(byExecutor, key.executor()).put(key.outcome().tagValue(), count));
			statistics.getAccepted().forEach((executor, count) -> executor(byExecutor, executor).put("accepted", count));
			statistics.getRunning().forEach((executor, count) -> executor(byExecutor, executor).put("running", count));
			statistics.getDrains()
				.forEach((executor, duration) -> executor(byExecutor, executor).put("drainMs", duration.toMillis()));
			return new Tasks(outcomes, sum(statistics.getAccepted()), sum(statistics.getRunning()), byExecutor,
					new ArrayList<>(statistics.getLost()));
		}

		private static Map<String, Long> executor(Map<String, Map<String, Long>> byExecutor, String name) {
			return byExecutor.computeIfAbsent(name, (key) -> new LinkedHashMap<>());
		}

		private static long sum(Map<String, Long> counts) {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * Return how many tasks ended the given way.
		 * @param outcome the outcome
		 * @return the count
		 */
		public long get(TaskOutcome outcome) {
			return this.outcomes.getOrDefault(outcome.tagValue(), 0L);
		}

	}

	/**
	 * The phases of shutdown.
	 *
	 * @param phases each phase with its start offset and duration, in order
	 * @param slowest the slowest phase, or {@code null} if none has ended
	 */
	public record Timeline(List<ShutdownTimeline.Phase> phases, @Nullable ShutdownTimeline.Phase slowest) {

	}

}
