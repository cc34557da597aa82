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

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import io.github.quietshutdown.classify.SymptomCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation cannot drift from the code: every property of the configuration
 * metadata is in the reference, and the symptom table is the shipped catalogue.
 * <p>
 * Run with {@code -Dquiet-shutdown.update-docs=true} to regenerate {@code docs/symptoms.md}.
 */
class DocumentationTests {

	private static final Path DOCS = Path.of("..", "docs");

	@Test
	void everyPropertyOfTheMetadataIsInTheReference() throws IOException {
		String reference = Files.readString(DOCS.resolve("configuration.md"));
		List<String> names = new ArrayList<>();
		URL ours = metadataOfThisProject();
		try (InputStream in = ours.openStream()) {
			Map<String, Object> metadata = JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			for (Object property : (List<?>) metadata.get("properties")) {
				names.add((String) ((Map<?, ?>) property).get("name"));
			}
		}
		assertThat(names).hasSizeGreaterThan(15);
		assertThat(names).allSatisfy((name) -> assertThat(reference).as("docs/configuration.md documents %s", name)
			.contains("`" + name + "`"));
	}

	// Other jars have metadata too; ours is the one that declares the master switch.
	private URL metadataOfThisProject() throws IOException {
		Enumeration<URL> candidates = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
		while (candidates.hasMoreElements()) {
			URL candidate = candidates.nextElement();
			try (InputStream in = candidate.openStream()) {
				if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"quiet-shutdown.enabled\"")) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("No configuration metadata for quiet-shutdown");
	}

	@Test
	void symptomTableIsTheShippedCatalogue() throws IOException {
		String expected = SymptomTable.render();
		Path file = DOCS.resolve("symptoms.md");
		if (Boolean.getBoolean("quiet-shutdown.update-docs")) {
			Files.writeString(file, expected);
		}
		assertThat(Files.readString(file)).as("docs/symptoms.md is generated from the catalogue: rerun with "
				+ "-Dquiet-shutdown.update-docs=true").isEqualTo(expected);
		SymptomCatalogue.shipped().getSignatures().forEach((signature) -> assertThat(expected)
			.contains("| `" + signature.getId() + "` |"));
	}

}
