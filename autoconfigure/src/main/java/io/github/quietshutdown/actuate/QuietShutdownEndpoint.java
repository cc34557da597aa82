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
package io.github.quietshutdown.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.report.ShutdownReport;
import io.github.quietshutdown.report.ShutdownReporter;

/**
 * {@link Endpoint @Endpoint} {@code quietshutdown}: the live shutdown state, the counts so
 * far, the effective configuration, and the report the previous run left
 * ({@code previousShutdown}). Like every endpoint, it is exposed over HTTP only if the
 * application includes it in {@code management.endpoints.web.exposure.include}.
 *
 * @author Quiet Shutdown authors
 */
@Endpoint(id = "quietshutdown")
public class QuietShutdownEndpoint {

	private final ShutdownState state;

	private final ShutdownStatistics statistics;

	private final SymptomClassifier classifier;

	private final boolean showMessages;

	private final Map<String, Object> configuration;

	private final ShutdownReporter reporter;

	/**
	 * Create a new endpoint.
	 * @param state the shutdown state
	 * @param statistics the counts
	 * @param classifier the classifier, for its catalogue
	 * @param showMessages whether exception messages are shown
	 * @param configuration the settings to show, by name
	 * @param reporter the reporter, for the previous report, or {@code null}
	 */
	public QuietShutdownEndpoint(ShutdownState state, ShutdownStatistics statistics, SymptomClassifier classifier,
			boolean showMessages, Map<String, Object> configuration, ShutdownReporter reporter) {
		this.state = state;
		this.statistics = statistics;
		this.classifier = classifier;
		this.showMessages = showMessages;
		this.configuration = configuration;
		this.reporter = reporter;
	}

	/**
	 * Return the state, counts, configuration and previous report.
	 * @return the endpoint's document
	 */
	@ReadOperation
	public Map<String, Object> quietShutdown() {
		Map<String, Object> document = ShutdownReport
			.of(this.state, this.statistics, this.showMessages,
					(this.reporter != null) ? this.reporter.getTimeline() : null, null)
			.toDocument();
		document.put("configuration", configuration());
		document.put("previousShutdown", (this.reporter != null) ? this.reporter.getPrevious() : null);
		return document;
	}

	private Map<String, Object> configuration() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("signatures", this.classifier.getCatalogue().size());
		configuration.putAll(this.configuration);
		configuration.put("reportFile", (this.reporter != null && this.reporter.getFile() != null)
				? this.reporter.getFile().getLocation().toString() : null);
		return configuration;
	}

}
