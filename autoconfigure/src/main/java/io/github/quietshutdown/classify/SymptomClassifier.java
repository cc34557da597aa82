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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.quietshutdown.ShutdownState;

/**
 * Decides whether a throwable is a symptom of shutdown.
 * <p>
 * A throwable is a symptom only if all of these hold:
 * <ol>
 * <li>shutdown is under way ({@link ShutdownState#isShuttingDown()}): the same exception
 * while the application runs is a real fault;</li>
 * <li>one throwable in its cause chain, suppressed exceptions included, matches a
 * {@link SymptomSignature} of the catalogue;</li>
 * <li>no throwable in that chain is an {@link Error}: an {@code OutOfMemoryError} or a
 * {@code StackOverflowError} is never hidden, whatever it caused.</li>
 * </ol>
 * The walk visits each throwable once, so cyclic causes end, and stops after
 * {@value #MAX_VISITED} throwables. Classification happens on the exceptional path only.
 *
 * @author Quiet Shutdown authors
 */
public final class SymptomClassifier {

	/**
	 * Maximum number of throwables visited in one cause chain.
	 */
	public static final int MAX_VISITED = 64;

	private final ShutdownState state;

	private final SymptomCatalogue catalogue;

	private final Map<String, List<SymptomSignature>> byType;

	private final List<SymptomSignature> logRecords;

	/**
	 * Create a new classifier.
	 * @param state the shutdown state that gates classification
	 * @param catalogue the known signatures
	 */
	public SymptomClassifier(ShutdownState state, SymptomCatalogue catalogue) {
		this.state = state;
		this.catalogue = catalogue;
		Map<String, List<SymptomSignature>> byType = new HashMap<>();
		List<SymptomSignature> logRecords = new ArrayList<>();
		for (SymptomSignature signature : catalogue.getSignatures()) {
			if (signature.isLogRecord()) {
				logRecords.add(signature);
			}
			else {
				byType.computeIfAbsent(signature.getType(), (type) -> new ArrayList<>(1)).add(signature);
			}
		}
		this.byType = Collections.unmodifiableMap(byType);
		this.logRecords = List.copyOf(logRecords);
	}

	/**
	 * Classify a throwable against the current shutdown state.
	 * @param throwable the throwable
	 * @return the symptom, or {@code null} if the throwable must stay visible
	 */
	public Symptom classify(Throwable throwable) {
		if (throwable == null || !this.state.isShuttingDown()) {
			return null;
		}
		return match(throwable);
	}

	/**
	 * Match a throwable against the catalogue, whatever the shutdown state. Use
	 * {@link #classify(Throwable)} to decide about suppression.
	 * @param throwable the throwable
	 * @return the symptom, or {@code null} if no signature matches or the chain holds an
	 * {@link Error}
	 */
	public Symptom match(Throwable throwable) {
		Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.add(throwable);
		Symptom found = null;
		while (!pending.isEmpty() && visited.size() < MAX_VISITED) {
			Throwable current = pending.poll();
			if (!visited.add(current)) {
				continue;
			}
			if (current instanceof Error) {
				return null;
			}
			if (found == null) {
				found = matchOne(current);
			}
			if (current.getCause() != null) {
				pending.add(current.getCause());
			}
			Collections.addAll(pending, current.getSuppressed());
		}
		return found;
	}

	/**
	 * Whether a record of the given logger without a throwable could be a symptom, so that
	 * formatting its message is worth it. Not state-gated.
	 * @param loggerName the name of the record's logger
	 * @return {@code true} if a log-record signature names this logger or a parent
	 */
	public boolean hasLogRecordSignature(String loggerName) {
		for (SymptomSignature signature : this.logRecords) {
			if (signature.matchesLogger(loggerName)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Classify a log record that carries no throwable against the current shutdown state.
	 * @param loggerName the name of the record's logger
	 * @param formattedMessage the record's message, its parameters substituted
	 * @return the symptom, its cause a {@link LoggedMessage} standing for the record, or
	 * {@code null} if the record must stay visible
	 */
	public Symptom classifyLogRecord(String loggerName, String formattedMessage) {
		if (formattedMessage == null || !this.state.isShuttingDown()) {
			return null;
		}
		for (SymptomSignature signature : this.logRecords) {
			if (signature.matchesLogger(loggerName) && signature.getMessage().matcher(formattedMessage).find()) {
				return new Symptom(signature, new LoggedMessage(loggerName, formattedMessage));
			}
		}
		return null;
	}

	private Symptom matchOne(Throwable throwable) {
		for (Class<?> type = throwable.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
			List<SymptomSignature> candidates = this.byType.get(type.getName());
			if (candidates != null) {
				for (SymptomSignature candidate : candidates) {
					if ((!candidate.isExact() || type == throwable.getClass()) && candidate.matchesMessage(throwable)) {
						return new Symptom(candidate, throwable);
					}
				}
			}
		}
		return null;
	}

	/**
	 * Return the shutdown state that gates this classifier.
	 * @return the state
	 */
	public ShutdownState getState() {
		return this.state;
	}

	/**
	 * Return the catalogue in use.
	 * @return the catalogue
	 */
	public SymptomCatalogue getCatalogue() {
		return this.catalogue;
	}

}
