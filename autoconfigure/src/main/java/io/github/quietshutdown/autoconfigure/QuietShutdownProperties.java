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
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.logging.LogLevel;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for Quiet Shutdown.
 * <p>
 * Spring Boot validates a bound target that is a {@link Validator}: an invalid value
 * fails startup with a failure analysis that names the property and says how to fix it.
 * The rules live in {@code QuietShutdownPropertiesValidator}.
 *
 * @author Quiet Shutdown authors
 */
@ConfigurationProperties("quiet-shutdown")
public class QuietShutdownProperties implements Validator {

	private static final Validator VALIDATOR = new QuietShutdownPropertiesValidator();

	/**
	 * Whether to enable Quiet Shutdown. When disabled, the application shuts down exactly
	 * as it would without the starter.
	 */
	private boolean enabled = true;

	private final Suppression suppression = new Suppression();

	@NestedConfigurationProperty
	private final SymptomsProperties symptoms = new SymptomsProperties();

	private final ExecutorSelection executors = new ExecutorSelection();

	@NestedConfigurationProperty
	private final InterceptProperties intercept = new InterceptProperties();

	@NestedConfigurationProperty
	private final DrainProperties drain = new DrainProperties();

	@NestedConfigurationProperty
	private final WatchdogProperties watchdog = new WatchdogProperties();

	private final Metrics metrics = new Metrics();

	@NestedConfigurationProperty
	private final ReportProperties report = new ReportProperties();

	/**
	 * Time between the termination signal and the kill: Kubernetes'
	 * terminationGracePeriodSeconds. The drain gives up early enough that the summary line
	 * and the report are written within it.
	 */
	private Duration gracePeriod = Duration.ofSeconds(30);

	private final PreStop preStop = new PreStop();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Suppression getSuppression() {
		return this.suppression;
	}

	public SymptomsProperties getSymptoms() {
		return this.symptoms;
	}

	public ExecutorSelection getExecutors() {
		return this.executors;
	}

	public InterceptProperties getIntercept() {
		return this.intercept;
	}

	public DrainProperties getDrain() {
		return this.drain;
	}

	public WatchdogProperties getWatchdog() {
		return this.watchdog;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public ReportProperties getReport() {
		return this.report;
	}

	public Duration getGracePeriod() {
		return this.gracePeriod;
	}

	public void setGracePeriod(Duration gracePeriod) {
		this.gracePeriod = gracePeriod;
	}

	public PreStop getPreStop() {
		return this.preStop;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
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
	 * Which executors Quiet Shutdown takes care of.
	 */
	public static class ExecutorSelection {

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
	 * The pause between the termination signal and the web server's graceful shutdown.
	 */
	public static class PreStop {

		/**
		 * Time to keep serving requests, readiness already refusing traffic, after a
		 * termination signal and before the web server shuts down, so that load balancers
		 * stop routing to the instance first. Zero: no delay. Only a close by a process
		 * signal waits.
		 */
		private Duration delay = Duration.ZERO;

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

	}

}
