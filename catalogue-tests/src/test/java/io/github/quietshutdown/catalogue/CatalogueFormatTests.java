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
package io.github.quietshutdown.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomSignature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped catalogue, read as text: every entry is cited, well formed, and names a real
 * exception class of the libraries on this module's test classpath.
 */
class CatalogueFormatTests {

	private static final Pattern CLASS_NAME = Pattern
		.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)+"
				+ "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

	@Test
	void everyEntryIsPrecededByACitationComment() throws IOException {
		List<String> lines = lines();
		List<String> uncited = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (isEntry(lines.get(i)) && (i == 0 || !lines.get(i - 1).strip().startsWith("#"))) {
				uncited.add((i + 1) + ": " + lines.get(i));
			}
		}
		assertThat(entries(lines)).hasSizeGreaterThan(50);
		assertThat(uncited).as("entries without a comment line right above them").isEmpty();
	}

	@Test
	void everyEntryHasAnIdAndASyntacticallyValidClassName() throws IOException {
		for (String entry : entries(lines())) {
			String[] fields = entry.split("\\|", 3);
			assertThat(fields).as(entry).hasSize(3);
			assertThat(fields[0].strip()).as("id of %s", entry).matches(ID);
			String pattern = fields[2].strip();
			if (fields[1].strip().startsWith(SymptomCatalogue.LOGGER_PREFIX)) {
				String logger = fields[1].strip().substring(SymptomCatalogue.LOGGER_PREFIX.length()).strip();
				assertThat(logger).as("logger of %s", entry).matches(CLASS_NAME);
				assertThat(pattern).as("pattern of %s", entry).isNotEmpty();
				Pattern.compile(pattern);
				continue;
			}
			// A leading "=" means "this class only, not its subclasses".
			assertThat(fields[1].strip().replaceFirst("^=", "").strip()).as("class of %s", entry).matches(CLASS_NAME);
			if (!pattern.isEmpty()) {
				Pattern.compile(pattern);
			}
		}
	}

	@Test
	void everyClassExistsInTheRealLibrariesAndIsAThrowable() throws ClassNotFoundException {
		ClassLoader classLoader = getClass().getClassLoader();
		for (SymptomSignature signature : SymptomCatalogue.shipped().getSignatures()) {
			if (signature.isLogRecord()) {
				continue;
			}
			Class<?> type = Class.forName(signature.getType(), false, classLoader);
			assertThat(Throwable.class).as(signature.toString()).isAssignableFrom(type);
			assertThat(Error.class.isAssignableFrom(type)).as("%s is an Error", signature).isFalse();
		}
	}

	@Test
	void theTextAndTheParsedCatalogueAgree() throws IOException {
		assertThat(entries(lines())).hasSize(SymptomCatalogue.shipped().size());
	}

	private static boolean isEntry(String line) {
		String trimmed = line.strip();
		return !trimmed.isEmpty() && !trimmed.startsWith("#");
	}

	private static List<String> entries(List<String> lines) {
		return lines.stream().filter(CatalogueFormatTests::isEntry).toList();
	}

	private static List<String> lines() throws IOException {
		try (InputStream in = CatalogueFormatTests.class.getClassLoader().getResourceAsStream(SymptomCatalogue.LOCATION)) {
			assertThat(in).as(SymptomCatalogue.LOCATION).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
