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
package io.github.quietshutdown.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.quietshutdown.classify.SymptomCatalogue;

/**
 * Renders {@code docs/symptoms.md} from the shipped catalogue: its sections, and for each
 * signature its id, class (or logger), message pattern, the library versions its
 * {@code Checked:} comment line lists, and the source its other comment lines cite.
 */
final class SymptomTable {

	private static final String CHECKED = "Checked:";

	private SymptomTable() {
	}

	static String render() throws IOException {
		StringBuilder out = new StringBuilder();
		out.append("# Symptom catalogue\n\n");
		out.append("<!-- Generated from autoconfigure/src/main/resources/").append(SymptomCatalogue.LOCATION)
			.append(" by DocumentationTests; do not edit. -->\n\n");
		out.append("Every signature shipped in the jar. A throwable is a symptom only while the application is ")
			.append("shutting down, when a throwable of its cause chain has the class (or a subclass, unless the ")
			.append("class is written `=name`) and the message pattern is found in its message, and when the chain ")
			.append("holds no `Error`. Exclude an id with `quiet-shutdown.symptoms.exclude`, add your own with ")
			.append("`quiet-shutdown.symptoms.extra` ([configuration](configuration.md)).\n\n")
			.append("A `logger:` entry matches a `WARN` or `ERROR` log record that carries no exception, whose logger ")
			.append("is the one named or one of its children, when the pattern is found in its formatted message; also ")
			.append("only while shutting down. The \"Checked against\" column lists the library versions whose sources or ")
			.append("jars each entry was checked against; `catalogue-tests` makes the versions of the Spring Boot BOM ")
			.append("really throw them.\n");
		List<String> comment = new ArrayList<>();
		boolean headerDone = false;
		try (InputStream in = SymptomTable.class.getClassLoader().getResourceAsStream(SymptomCatalogue.LOCATION);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			List<String> lines = reader.lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("# ---")) {
					// A section title sits between two rules.
					if (i + 2 < lines.size() && lines.get(i + 2).strip().startsWith("# ---")) {
						out.append("\n## ").append(lines.get(i + 1).strip().substring(1).strip()).append("\n\n");
						out.append("| Id | Exception or logger | Message pattern | Checked against | Source |\n")
							.append("|---|---|---|---|---|\n");
						i += 2;
						headerDone = true;
					}
					comment.clear();
				}
				else if (line.startsWith("#")) {
					comment.add(line.substring(1).strip());
				}
				else if (line.isEmpty()) {
					comment.clear();
				}
				else if (headerDone) {
					String[] fields = line.split("\\|", 3);
					String message = (fields.length > 2) ? fields[2].strip() : "";
					String checked = comment.stream()
						.filter((text) -> text.startsWith(CHECKED))
						.map((text) -> text.substring(CHECKED.length()).strip())
						.findFirst()
						.orElse("");
					List<String> source = comment.stream().filter((text) -> !text.startsWith(CHECKED)).toList();
					out.append("| `").append(fields[0].strip()).append("` | `").append(fields[1].strip()).append("` | ")
						.append(message.isEmpty() ? "(any)" : "`" + cell(message) + "`").append(" | ")
						.append(cell(checked)).append(" | ")
						.append(cell(String.join(" ", source))).append(" |\n");
					comment.clear();
				}
			}
		}
		return out.toString();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
