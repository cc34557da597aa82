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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomSignature;

/**
 * Configuration properties for Quiet Shutdown.
 * <p>
 * The class validates itself: Spring Boot calls {@link #validate(Object, Errors)} after
 * binding, and an invalid value fails startup with a failure analysis that names the
 * property and says how to fix it.
 *
 * @author Quiet Shutdown authors
 */
@ConfigurationProperties("quiet-shutdown")
public class QuietShutdownProperties implements Validator {

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

	/**
	 * Whether to enable Quiet Shutdown. When disabled, the application shuts down exactly
	 * as it would without the starter.
	 */
	private boolean enabled = true;

	private final Suppression suppression = new Suppression();

	private final Symptoms symptoms = new Symptoms();

	private final Executors executors = new Executors();

	private final Intercept intercept = new Intercept();

	private final Drain drain = new Drain();

	private final Watchdog watchdog = new Watchdog();

	private final Metrics metrics = new Metrics();

	private final Report report = new Report();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Suppression getSuppression() {
		return this.suppression;
	}

	public Symptoms getSymptoms() {
		return this.symptoms;
	}

	public Executors getExecutors() {
		return this.executors;
	}

	public Intercept getIntercept() {
		return this.intercept;
	}

	public Drain getDrain() {
		return this.drain;
	}

	public Watchdog getWatchdog() {
		return this.watchdog;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Report getReport() {
		return this.report;
	}

	/**
	 * Build the effective catalogue: the shipped signatures, less the excluded ones, plus
	 * the extra ones.
	 * @return the catalogue
	 */
	public SymptomCatalogue buildCatalogue() {
		List<SymptomSignature> extra = new ArrayList<>();
		for (int i = 0; i < this.symptoms.extra.size(); i++) {
			Signature signature = this.symptoms.extra.get(i);
			if (hasText(signature.logger)) {
				extra.add(SymptomSignature.ofLogRecord(signature.getId(i), signature.logger.strip(),
						Pattern.compile(signature.message)));
				continue;
			}
			extra.add(new SymptomSignature(signature.getId(i), signature.type.strip(),
					hasText(signature.message) ? Pattern.compile(signature.message) : null));
		}
		return SymptomCatalogue.shipped().without(this.symptoms.exclude).with(extra);
	}

	@Override
	public boolean supports(Class<?> type) {
		return QuietShutdownProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		QuietShutdownProperties properties = (QuietShutdownProperties) target;
		SymptomCatalogue shipped = SymptomCatalogue.shipped();
		List<String> exclude = properties.symptoms.exclude;
		for (int i = 0; i < exclude.size(); i++) {
			if (!shipped.selectsAny(exclude.get(i))) {
				errors.rejectValue("symptoms.exclude[" + i + "]", "unknown",
						"selects no shipped signature: use an id from the symptom catalogue (docs/symptoms.md), "
								+ "or a prefix such as 'kafka.*'");
			}
		}
		Set<String> ids = new LinkedHashSet<>();
		shipped.getSignatures().forEach((signature) -> ids.add(signature.getId()));
		List<Signature> extra = properties.symptoms.extra;
		for (int i = 0; i < extra.size(); i++) {
			validateSignature(extra.get(i), i, ids, errors);
		}
		requirePositive(errors, "drain.timeout", properties.drain.timeout);
		requirePositive(errors, "drain.progress-interval", properties.drain.progressInterval);
		properties.drain.executorTimeouts.forEach((name, timeout) -> requirePositive(errors,
				"drain.executor-timeouts[" + name + "]", timeout));
		Duration delay = properties.watchdog.delay;
		if (delay == null || delay.isNegative()) {
			errors.rejectValue("watchdog.delay", "negative",
					"must not be negative: use 0s to report lingering threads as soon as the context has closed, "
							+ "or a positive duration such as 2s");
		}
		if (properties.watchdog.haltAfter != null) {
			requirePositive(errors, "watchdog.halt-after", properties.watchdog.haltAfter);
			if (delay != null && properties.watchdog.haltAfter.compareTo(delay) < 0) {
				errors.rejectValue("watchdog.halt-after", "shorter", "is shorter than quiet-shutdown.watchdog.delay ("
						+ delay.toMillis() + "ms): the JVM would halt before lingering threads are reported; "
						+ "set it to at least the delay, or leave it unset to never halt");
			}
		}
		if (properties.suppression.level == null) {
			errors.rejectValue("suppression.level", "required",
					"must not be empty: use one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF");
		}
	}

	private void validateSignature(Signature signature, int index, Set<String> ids, Errors errors) {
		String path = "symptoms.extra[" + index + "].";
		if (hasText(signature.logger)) {
			validateLogRecordSignature(signature, path, errors);
		}
		else if (!hasText(signature.type)) {
			errors.rejectValue(path + "type", "required",
					"must not be empty: set the fully qualified class name of the exception, such as java.sql.SQLException, "
							+ "or, for log records without an exception, 'logger' and 'message'");
		}
		else if (!CLASS_NAME.matcher(signature.type.strip()).matches()) {
			errors.rejectValue(path + "type", "invalid",
					"is not a fully qualified class name: use a name such as java.sql.SQLException, "
							+ "with '$' for nested classes");
		}
		if (hasText(signature.type) && !hasText(signature.message)
				&& TOO_BROAD.contains(signature.type.strip().replaceFirst("^=\\s*", ""))) {
			errors.rejectValue(path + "type", "broad", "would make every " + signature.type.strip()
					+ " during shutdown a symptom, real failures included: add a message pattern "
					+ "(quiet-shutdown.symptoms.extra[" + index + "].message), or name a narrower exception type");
		}
		if (hasText(signature.message)) {
			try {
				Pattern.compile(signature.message);
			}
			catch (PatternSyntaxException ex) {
				errors.rejectValue(path + "message", "invalid", "is not a valid regular expression ("
						+ ex.getDescription() + " near index " + ex.getIndex() + "): fix or quote the pattern");
			}
		}
		if ((hasText(signature.type) || hasText(signature.logger)) && !ids.add(signature.getId(index))) {
			errors.rejectValue(path + "id", "duplicate", "'" + signature.getId(index)
					+ "' is already used by another signature: choose a unique id");
		}
	}

	private static void validateLogRecordSignature(Signature signature, String path, Errors errors) {
		if (hasText(signature.type)) {
			errors.rejectValue(path + "logger", "conflict",
					"cannot be combined with 'type': a signature matches either an exception type or "
							+ "the log records of a logger; remove one of them");
		}
		if (!hasText(signature.message)) {
			errors.rejectValue(path + "message", "required",
					"must not be empty when 'logger' is set: give a regular expression found in the log message, "
							+ "so that not every WARN of that logger is dropped");
		}
	}

	private static void requirePositive(Errors errors, String path, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(path, "positive", "must be a positive duration, such as 10s or 500ms");
		}
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * How suppressed symptoms are logged.
	 */
	public static class Suppression {

		/**
		 * Level of the one line logged for each suppressed symptom, instead of its stack
		 * trace. OFF logs nothing; symptoms are still counted.
		 */
		private LogLevel level = LogLevel.DEBUG;

		public LogLevel getLevel() {
			return this.level;
		}

		public void setLevel(LogLevel level) {
			this.level = level;
		}

	}

	/**
	 * Which exceptions count as shutdown symptoms.
	 */
	public static class Symptoms {

		/**
		 * Signatures to add to the shipped catalogue.
		 */
		private List<Signature> extra = new ArrayList<>();

		/**
		 * Ids of shipped signatures to ignore. An entry ending with '.*', such as
		 * 'kafka.*', ignores every signature whose id starts with what precedes the '*'.
		 */
		private List<String> exclude = new ArrayList<>();

		public List<Signature> getExtra() {
			return this.extra;
		}

		public void setExtra(List<Signature> extra) {
			this.extra = extra;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

	}

	/**
	 * A symptom signature added from configuration.
	 */
	public static class Signature {

		/**
		 * Unique id of the signature, used in logs and to exclude it. Defaults to
		 * 'extra.' followed by the position in the list.
		 */
		private String id;

		/**
		 * Fully qualified class name of the exception. Subclasses match too, unless the name
		 * is prefixed with '='. The class need not be on the classpath. Required unless
		 * 'logger' is set.
		 */
		private String type;

		/**
		 * Regular expression that must be found in the exception message. Empty to match
		 * any message. With 'logger', required: it is found in the formatted message of the
		 * log record.
		 */
		private String message;

		/**
		 * Name of the logger (its children match too) of WARN and ERROR log records without
		 * an exception that this signature matches, instead of an exception type.
		 */
		private String logger;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

		public String getLogger() {
			return this.logger;
		}

		public void setLogger(String logger) {
			this.logger = logger;
		}

		String getId(int index) {
			return hasText(this.id) ? this.id.strip() : "extra." + index;
		}

	}

	/**
	 * Which executors Quiet Shutdown takes care of.
	 */
	public static class Executors {

		/**
		 * Bean names of executors and schedulers to leave untouched: their tasks are neither
		 * decorated nor drained.
		 */
		private Set<String> exclude = new LinkedHashSet<>();

		public Set<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(Set<String> exclude) {
			this.exclude = exclude;
		}

	}

	/**
	 * Which roads, besides executor tasks, shutdown symptoms are caught on.
	 */
	public static class Intercept {

		/**
		 * Whether to suppress shutdown symptoms thrown by '@Scheduled' methods.
		 */
		private boolean scheduled = true;

		/**
		 * Whether to suppress shutdown symptoms thrown by void '@Async' methods.
		 */
		private boolean async = true;

		/**
		 * Whether to install a default uncaught-exception handler, composed with any handler
		 * already set, that suppresses shutdown symptoms of dying threads.
		 */
		private boolean threads = true;

		/**
		 * Whether to filter WARN and ERROR log records whose exception is a shutdown symptom,
		 * for threads the starter does not own (Logback and Log4j2).
		 */
		private boolean logging = true;

		/**
		 * Whether to append ' [during shutdown]' to the message of WARN and ERROR log
		 * records whose exception is not a shutdown symptom, logged while the application
		 * shuts down, and to set 'quiet.shutdown=during' in their MDC (Logback) or thread
		 * context (Log4j2). Needs 'logging'.
		 */
		private boolean labelDuringShutdown = true;

		public boolean isScheduled() {
			return this.scheduled;
		}

		public void setScheduled(boolean scheduled) {
			this.scheduled = scheduled;
		}

		public boolean isAsync() {
			return this.async;
		}

		public void setAsync(boolean async) {
			this.async = async;
		}

		public boolean isThreads() {
			return this.threads;
		}

		public void setThreads(boolean threads) {
			this.threads = threads;
		}

		public boolean isLogging() {
			return this.logging;
		}

		public void setLogging(boolean logging) {
			this.logging = logging;
		}

		public boolean isLabelDuringShutdown() {
			return this.labelDuringShutdown;
		}

		public void setLabelDuringShutdown(boolean labelDuringShutdown) {
			this.labelDuringShutdown = labelDuringShutdown;
		}

	}

	/**
	 * How executors are drained before resources close.
	 */
	public static class Drain {

		/**
		 * Whether to drain executors, running and queued tasks alike, before resources such
		 * as the DataSource are destroyed.
		 */
		private boolean enabled = true;

		/**
		 * Maximum time to wait for the tasks of one executor. An executor whose own
		 * await-termination period is shorter is waited for that long at most. The drain
		 * is not bounded by 'spring.lifecycle.timeout-per-shutdown-phase'.
		 */
		private Duration timeout = Duration.ofSeconds(20);

		/**
		 * Maximum time to wait, by executor bean name, overriding the timeout.
		 */
		private Map<String, Duration> executorTimeouts = new LinkedHashMap<>();

		/**
		 * Time between two progress lines while a drain lasts.
		 */
		private Duration progressInterval = Duration.ofSeconds(5);

		public Duration getProgressInterval() {
			return this.progressInterval;
		}

		public void setProgressInterval(Duration progressInterval) {
			this.progressInterval = progressInterval;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Map<String, Duration> getExecutorTimeouts() {
			return this.executorTimeouts;
		}

		public void setExecutorTimeouts(Map<String, Duration> executorTimeouts) {
			this.executorTimeouts = executorTimeouts;
		}

		/**
		 * Return the drain timeout of the given executor.
		 * @param executorName the executor bean name
		 * @return the timeout
		 */
		public Duration getTimeout(String executorName) {
			return this.executorTimeouts.getOrDefault(executorName, this.timeout);
		}

	}

	/**
	 * What happens once the context has closed.
	 */
	public static class Watchdog {

		/**
		 * Whether to report, once the context has closed, the non-daemon threads that keep
		 * the JVM alive and the daemon threads whose work the JVM exit will kill.
		 */
		private boolean enabled = true;

		/**
		 * Time that the application's non-daemon threads get to end, once the context has
		 * closed, before they are reported as lingering.
		 */
		private Duration delay = Duration.ofSeconds(2);

		/**
		 * Time after the context has closed at which to halt the JVM if non-daemon threads
		 * still keep it alive. Not set: never halt.
		 */
		private Duration haltAfter;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public Duration getHaltAfter() {
			return this.haltAfter;
		}

		public void setHaltAfter(Duration haltAfter) {
			this.haltAfter = haltAfter;
		}

	}

	/**
	 * How shutdown counts reach the meter registries.
	 */
	public static class Metrics {

		/**
		 * Whether to defer Spring Boot's closing of the meter registries, which happens when
		 * the context starts to close, until executors have drained, so that the final
		 * publish of push registries carries the shutdown's counts.
		 */
		private boolean deferRegistryClose = true;

		public boolean isDeferRegistryClose() {
			return this.deferRegistryClose;
		}

		public void setDeferRegistryClose(boolean deferRegistryClose) {
			this.deferRegistryClose = deferRegistryClose;
		}

	}

	/**
	 * The shutdown report: the summary line, the report file and the endpoint.
	 */
	public static class Report {

		/**
		 * Whether to show exception messages in the report file and the endpoint. They may
		 * carry data, such as a JDBC URL or a key.
		 */
		private boolean showMessages;

		private final File file = new File();

		public boolean isShowMessages() {
			return this.showMessages;
		}

		public void setShowMessages(boolean showMessages) {
			this.showMessages = showMessages;
		}

		public File getFile() {
			return this.file;
		}

		/**
		 * The report file, written at the end of shutdown and read at the next start.
		 */
		public static class File {

			/**
			 * Whether to write the report file.
			 */
			private boolean enabled = true;

			/**
			 * Location of the report file. Defaults to a file named after the application
			 * ('spring.application.name', else the main class, and a hash of both) in a
			 * folder of the application's user: '$XDG_STATE_HOME/quiet-shutdown', else
			 * '~/.local/state/quiet-shutdown', else 'quiet-shutdown-<user>' in the system
			 * temp folder. A location that cannot be written fails startup.
			 */
			private java.nio.file.Path location;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public java.nio.file.Path getLocation() {
				return this.location;
			}

			public void setLocation(java.nio.file.Path location) {
				this.location = location;
			}

		}

	}

}
