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
package io.github.quietshutdown.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.quietshutdown.autoconfigure.SymptomsProperties.Signature;
import io.github.quietshutdown.classify.SymptomCatalogue;

import static org.springframework.util.StringUtils.hasText;

/**
 * Validates {@link QuietShutdownProperties} after binding, so that an invalid value fails
 * startup with a failure analysis that names the property and says how to fix it.
 * Executor names are checked once the beans exist, by {@link ExecutorNamesValidator}.
 *
 * @author Quiet Shutdown authors
 */
final class QuietShutdownPropertiesValidator implements Validator {

	private static final Pattern CLASS_NAME = Pattern
		.compile("=?\\s*\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\$\\p{javaJavaIdentifierPart}+)*");

	// Roots of whole families of unrelated failures: as a signature without a message
	// pattern, each would hide real errors along with the symptoms.
	private static final Set<String> TOO_BROAD = Set.of("java.lang.Throwable", "java.lang.Exception",
			"java.lang.RuntimeException", "java.lang.Error", "java.lang.IllegalStateException",
			"java.lang.IllegalArgumentException", "java.lang.NullPointerException", "java.io.IOException",
			"java.io.UncheckedIOException", "java.util.concurrent.ExecutionException",
			"java.util.concurrent.CompletionException", "java.lang.reflect.InvocationTargetException",
			"java.lang.reflect.UndeclaredThrowableException", "org.springframework.core.NestedRuntimeException",
			"org.springframework.core.NestedCheckedException", "org.springframework.beans.BeansException",
			"org.springframework.dao.DataAccessException");

	@Override
	public boolean supports(Class<?> type) {
		return QuietShutdownProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		QuietShutdownProperties properties = (QuietShutdownProperties) target;
		validateSymptoms(properties.getSymptoms(), errors);
		DrainProperties drain = properties.getDrain();
		requirePositive(errors, "drain.timeout", drain.getTimeout());
		requirePositive(errors, "drain.progress-interval", drain.getProgressInterval());
		drain.getExecutorTimeouts()
			.forEach((name, timeout) -> requirePositive(errors, "drain.executor-timeouts[" + name + "]", timeout));
		validateWatchdog(properties.getWatchdog(), errors);
		validateBudget(properties, errors);
		if (properties.getSuppression().getLevel() == null) {
			errors.rejectValue("suppression.level", "required",
					"must not be empty: use one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF");
		}
	}

	private static void validateSymptoms(SymptomsProperties symptoms, Errors errors) {
		SymptomCatalogue shipped = SymptomCatalogue.shipped();
		List<String> exclude = symptoms.getExclude();
		for (int i = 0; i < exclude.size(); i++) {
			if (!shipped.selectsAny(exclude.get(i))) {
				errors.rejectValue("symptoms.exclude[" + i + "]", "unknown",
						"selects no shipped signature: use an id from the symptom catalogue (docs/symptoms.md), "
								+ "or a prefix such as 'kafka.*'");
			}
		}
		Set<String> ids = new LinkedHashSet<>();
		shipped.getSignatures().forEach((signature) -> ids.add(signature.getId()));
		List<Signature> extra = symptoms.getExtra();
		for (int i = 0; i < extra.size(); i++) {
			validateSignature(extra.get(i), i, ids, errors);
		}
	}

	private static void validateSignature(Signature signature, int index, Set<String> ids, Errors errors) {
		String path = "symptoms.extra[" + index + "].";
		String type = signature.getType();
		String message = signature.getMessage();
		if (hasText(signature.getLogger())) {
			validateLogRecordSignature(signature, path, errors);
		}
		else if (!hasText(type)) {
			errors.rejectValue(path + "type", "required",
					"must not be empty: set the fully qualified class name of the exception, such as java.sql.SQLException, "
							+ "or, for log records without an exception, 'logger' and 'message'");
		}
		else if (!CLASS_NAME.matcher(type.strip()).matches()) {
			errors.rejectValue(path + "type", "invalid",
					"is not a fully qualified class name: use a name such as java.sql.SQLException, "
							+ "with '$' for nested classes");
		}
		if (hasText(type) && !hasText(message) && TOO_BROAD.contains(type.strip().replaceFirst("^=\\s*", ""))) {
			errors.rejectValue(path + "type", "broad", "would make every " + type.strip()
					+ " during shutdown a symptom, real failures included: add a message pattern "
					+ "(quiet-shutdown.symptoms.extra[" + index + "].message), or name a narrower exception type");
		}
		if (hasText(message)) {
			try {
				Pattern.compile(message);
			}
			catch (PatternSyntaxException ex) {
				errors.rejectValue(path + "message", "invalid", "is not a valid regular expression ("
						+ ex.getDescription() + " near index " + ex.getIndex() + "): fix or quote the pattern");
			}
		}
		String id = SymptomCatalogueFactory.idOf(signature, index);
		if ((hasText(type) || hasText(signature.getLogger())) && !ids.add(id)) {
			errors.rejectValue(path + "id", "duplicate",
					"'" + id + "' is already used by another signature: choose a unique id");
		}
	}

	private static void validateLogRecordSignature(Signature signature, String path, Errors errors) {
		if (hasText(signature.getType())) {
			errors.rejectValue(path + "logger", "conflict",
					"cannot be combined with 'type': a signature matches either an exception type or "
							+ "the log records of a logger; remove one of them");
		}
		if (!hasText(signature.getMessage())) {
			errors.rejectValue(path + "message", "required",
					"must not be empty when 'logger' is set: give a regular expression found in the log message, "
							+ "so that not every WARN of that logger is dropped");
		}
	}

	private static void validateWatchdog(WatchdogProperties watchdog, Errors errors) {
		Duration delay = watchdog.getDelay();
		if (delay == null || delay.isNegative()) {
			errors.rejectValue("watchdog.delay", "negative",
					"must not be negative: use 0s to report lingering threads as soon as the context has closed, "
							+ "or a positive duration such as 2s");
		}
		Duration haltAfter = watchdog.getHaltAfter();
		if (haltAfter != null) {
			requirePositive(errors, "watchdog.halt-after", haltAfter);
			if (delay != null && haltAfter.compareTo(delay) < 0) {
				errors.rejectValue("watchdog.halt-after", "shorter", "is shorter than quiet-shutdown.watchdog.delay ("
						+ delay.toMillis() + "ms): the JVM would halt before lingering threads are reported; "
						+ "set it to at least the delay, or leave it unset to never halt");
			}
		}
	}

	private static void validateBudget(QuietShutdownProperties properties, Errors errors) {
		Duration gracePeriod = properties.getGracePeriod();
		requirePositive(errors, "grace-period", gracePeriod);
		Duration delay = properties.getPreStop().getDelay();
		if (delay == null || delay.isNegative()) {
			errors.rejectValue("pre-stop.delay", "negative", "must be zero (off) or a positive duration, such as 5s");
		}
		else if (gracePeriod != null && delay.compareTo(gracePeriod) >= 0) {
			errors.rejectValue("pre-stop.delay", "budget", "must be shorter than quiet-shutdown.grace-period ("
					+ ShutdownBudgetCheck.format(gracePeriod) + "), and is " + ShutdownBudgetCheck.format(delay)
					+ ": shorten the delay or raise the grace period to match terminationGracePeriodSeconds");
		}
	}

	private static void requirePositive(Errors errors, String path, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(path, "positive", "must be a positive duration, such as 10s or 500ms");
		}
	}

}
