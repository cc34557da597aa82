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
package io.github.quietshutdown.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An ordered set of {@link SymptomSignature signatures}, unique by id.
 * <p>
 * The shipped catalogue is the resource {@value #LOCATION}. It is plain text, one
 * signature a line, three fields separated by {@code |}:
 * <pre>
 * # comment: the source of the signature
 * hikari.pool-closed | java.sql.SQLException | ^HikariDataSource .* has been closed\.$
 * </pre>
 * The third field, a {@link Pattern} found anywhere in the message, is optional and may
 * itself contain {@code |}. A second field {@code logger:name} makes a signature for log
 * records without a throwable, whose logger is {@code name} or one of its children; the
 * pattern is then required and is found in the formatted message:
 * <pre>
 * spring-amqp.listener-stopped | logger:org.springframework.amqp.rabbit.listener | ^Rejecting received message
 * </pre>
 *
 * @author Quiet Shutdown authors
 */
public final class SymptomCatalogue {

	/**
	 * Location of the catalogue shipped in the jar.
	 */
	public static final String LOCATION = "META-INF/quiet-shutdown/symptoms.catalog";

	/**
	 * Prefix of the second field of a log-record signature, followed by the logger name.
	 */
	public static final String LOGGER_PREFIX = "logger:";

	private final Map<String, SymptomSignature> signatures;

	private SymptomCatalogue(Map<String, SymptomSignature> signatures) {
		this.signatures = Collections.unmodifiableMap(signatures);
	}

	/**
	 * Load the catalogue shipped in the jar.
	 * @return the shipped catalogue
	 */
	public static SymptomCatalogue shipped() {
		ClassLoader classLoader = SymptomCatalogue.class.getClassLoader();
		try (InputStream in = classLoader.getResourceAsStream(LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("Symptom catalogue '" + LOCATION + "' not found");
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read symptom catalogue '" + LOCATION + "'", ex);
		}
	}

	/**
	 * Parse a catalogue in the format described above.
	 * @param in the content, UTF-8
	 * @return the catalogue
	 * @throws IOException on read failure
	 * @throws IllegalArgumentException if a line is malformed or an id is repeated
	 */
	public static SymptomCatalogue parse(InputStream in) throws IOException {
		Map<String, SymptomSignature> signatures = new LinkedHashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		int number = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] fields = trimmed.split("\\|", 3);
			if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
				throw new IllegalArgumentException("Line " + number + " of the symptom catalogue is not 'id | type | message': " + line);
			}
			String message = (fields.length > 2) ? fields[2].strip() : "";
			String type = fields[1].strip();
			if (type.startsWith(LOGGER_PREFIX)) {
				String logger = type.substring(LOGGER_PREFIX.length()).strip();
				if (logger.isEmpty() || message.isEmpty()) {
					throw new IllegalArgumentException("Line " + number
							+ " of the symptom catalogue is not 'id | logger:name | message': " + line);
				}
				add(signatures, SymptomSignature.ofLogRecord(fields[0].strip(), logger, Pattern.compile(message)));
				continue;
			}
			add(signatures, new SymptomSignature(fields[0].strip(), type,
					message.isEmpty() ? null : Pattern.compile(message)));
		}
		return new SymptomCatalogue(signatures);
	}

	/**
	 * Create a catalogue of the given signatures.
	 * @param signatures the signatures, unique by id
	 * @return the catalogue
	 */
	public static SymptomCatalogue of(Collection<SymptomSignature> signatures) {
		Map<String, SymptomSignature> map = new LinkedHashMap<>();
		signatures.forEach((signature) -> add(map, signature));
		return new SymptomCatalogue(map);
	}

	private static void add(Map<String, SymptomSignature> signatures, SymptomSignature signature) {
		if (signatures.putIfAbsent(signature.getId(), signature) != null) {
			throw new IllegalArgumentException("Duplicate symptom signature id '" + signature.getId() + "'");
		}
	}

	/**
	 * Return a catalogue with the given signatures added after these.
	 * @param extra the signatures to add, ids not already present
	 * @return a new catalogue
	 */
	public SymptomCatalogue with(Collection<SymptomSignature> extra) {
		Map<String, SymptomSignature> map = new LinkedHashMap<>(this.signatures);
		extra.forEach((signature) -> add(map, signature));
		return new SymptomCatalogue(map);
	}

	/**
	 * Return a catalogue without the signatures that the given selectors select. A selector
	 * is an id or, ending with {@code .*}, an id prefix such as {@code kafka.*}.
	 * @param selectors the selectors
	 * @return a new catalogue
	 */
	public SymptomCatalogue without(Collection<String> selectors) {
		Map<String, SymptomSignature> map = new LinkedHashMap<>(this.signatures);
		map.keySet().removeIf((id) -> selectors.stream().anyMatch((selector) -> selects(selector, id)));
		return new SymptomCatalogue(map);
	}

	/**
	 * Whether the selector selects at least one signature of this catalogue.
	 * @param selector an id, or an id prefix ending with {@code .*}
	 * @return {@code true} if something is selected
	 */
	public boolean selectsAny(String selector) {
		return this.signatures.keySet().stream().anyMatch((id) -> selects(selector, id));
	}

	private static boolean selects(String selector, String id) {
		if (selector.endsWith(".*")) {
			return id.startsWith(selector.substring(0, selector.length() - 1));
		}
		return selector.equals(id);
	}

	/**
	 * Return the signature with the given id.
	 * @param id the id
	 * @return the signature or {@code null}
	 */
	public SymptomSignature get(String id) {
		return this.signatures.get(id);
	}

	/**
	 * Return the signatures in catalogue order.
	 * @return the signatures
	 */
	public List<SymptomSignature> getSignatures() {
		return new ArrayList<>(this.signatures.values());
	}

	/**
	 * Return the number of signatures.
	 * @return the size
	 */
	public int size() {
		return this.signatures.size();
	}

}
