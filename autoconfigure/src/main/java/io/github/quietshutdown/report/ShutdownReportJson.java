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

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.json.JsonWriter;

import io.github.quietshutdown.ShutdownTimeline;

/**
 * The report as JSON, with what Spring Boot provides on every supported line (3.5, 4.0,
 * 4.1): the typed {@link ShutdownReport} becomes one ordered document, which Boot's
 * standard {@link JsonWriter} writes, and its {@link JsonParserFactory} reads a report back
 * as a document (Jackson when present, Gson, or Boot's basic parser). The members API of
 * {@code JsonWriter} is not used: its methods take a {@code Function} on Boot 3.5 and an
 * {@code Extractor} on Boot 4, so a starter compiled against one line would fail on the
 * other with {@code NoSuchMethodError}. A report is read as a document, not as a typed value, because
 * it may come from another version of the starter: its fields are shown as they are, and
 * the few the starter acts on are read by name.
 *
 * @author Quiet Shutdown authors
 */
final class ShutdownReportJson {

	private ShutdownReportJson() {
	}

	static String write(ShutdownReport report) {
		return write(toDocument(report));
	}

	static String write(Map<String, Object> document) {
		return JsonWriter.standard().writeToString(document);
	}

	/**
	 * Read a report as a document.
	 * @param json the JSON text
	 * @return the document
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	static Map<String, Object> read(String json) {
		return JsonParserFactory.getJsonParser().parseMap(json);
	}

	/**
	 * Return a report as the document the file holds and the endpoint shows, in its order.
	 * @param report the report
	 * @return the document
	 */
	static Map<String, Object> toDocument(ShutdownReport report) {
		Map<String, Object> document = new LinkedHashMap<>();
		ShutdownReport.Progress progress = report.progress();
		if (progress != null) {
			document.put("completed", progress.completed());
		}
		document.put("phase", report.phase());
		document.put("since", report.since());
		document.put("closingAt", report.closingAt());
		document.put("closedAt", report.closedAt());
		document.put("durationMs", report.durationMs());
		document.put("suppressed", object("total", report.suppressed().total(), "bySource",
				report.suppressed().bySource(), "byException", report.suppressed().byException()));
		document.put("tasks", tasks(report.tasks()));
		document.put("samples", report.samples()
			.stream()
			.map((sample) -> object("source", sample.source(), "origin", sample.origin(), "signature",
					sample.signature(), "exception", sample.exception(), "message", sample.message()))
			.toList());
		ShutdownReport.Timeline timeline = report.timeline();
		if (timeline != null) {
			document.put("timeline", timeline.phases().stream().map(ShutdownReportJson::phase).toList());
			document.put("slowest", (timeline.slowest() != null) ? phase(timeline.slowest()) : null);
		}
		if (progress != null) {
			document.put("startedAt", progress.startedAt());
			document.put("elapsedMs", progress.elapsedMs());
			document.put("currentPhase", progress.currentPhase());
		}
		return document;
	}

	private static Map<String, Object> tasks(ShutdownReport.Tasks tasks) {
		Map<String, Object> document = new LinkedHashMap<>(tasks.outcomes());
		document.put("accepted", tasks.accepted());
		document.put("running", tasks.running());
		document.put("byExecutor", tasks.byExecutor());
		document.put("notDone", tasks.notDone()
			.stream()
			.map((task) -> object("executor", task.executor(), "outcome", task.outcome(), "task", task.task(),
					"reason", task.reason()))
			.toList());
		return document;
	}

	private static Map<String, Object> phase(ShutdownTimeline.Phase phase) {
		return object("phase", phase.name(), "startMs", phase.startMs(), "durationMs", phase.durationMs());
	}

	// An object with its fields in the order given: name, value, name, value...
	private static Map<String, Object> object(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return object;
	}

}
