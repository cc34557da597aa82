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
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Checks at startup whether shutdown can outlast the grace period: the pre-stop delay, the
 * web server's graceful shutdown, the longest drain timeout and the watchdog's halt-after,
 * added up. If so, logs one WARN naming each property, its value and the sum.
 * <p>
 * The check applies on Kubernetes (as Spring Boot detects it) and wherever the grace period
 * or the pre-stop delay is set: elsewhere the default grace period stands for no platform,
 * and the warning would be noise.
 *
 * @author Quiet Shutdown authors
 */
final class ShutdownBudgetCheck {

	private static final Log logger = LogFactory.getLog(ShutdownBudgetCheck.class);

	static final String LIFECYCLE_TIMEOUT = "spring.lifecycle.timeout-per-shutdown-phase";

	private static final Duration LIFECYCLE_TIMEOUT_DEFAULT = Duration.ofSeconds(30);

	private static final String[] WEB_CONTEXTS = { "org.springframework.web.context.WebApplicationContext",
			"org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext",
			"org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext" };

	private ShutdownBudgetCheck() {
	}

	static void check(QuietShutdownProperties properties, ApplicationContext context) {
		String warning = warning(properties, context);
		if (warning != null) {
			logger.warn(warning);
		}
	}

	static String warning(QuietShutdownProperties properties, ApplicationContext context) {
		Environment environment = context.getEnvironment();
		if (CloudPlatform.getActive(environment) != CloudPlatform.KUBERNETES
				&& !environment.containsProperty("quiet-shutdown.grace-period")
				&& !environment.containsProperty("quiet-shutdown.pre-stop.delay")) {
			return null;
		}
		Binder binder = Binder.get(environment);
		List<String> terms = new ArrayList<>();
		Duration sum = Duration.ZERO;
		if (!properties.getPreStop().getDelay().isZero()) {
			sum = add(terms, sum, "quiet-shutdown.pre-stop.delay", properties.getPreStop().getDelay());
		}
		if (isWebApplication(context)
				&& !"immediate".equalsIgnoreCase(binder.bind("server.shutdown", String.class).orElse("graceful"))) {
			sum = add(terms, sum, LIFECYCLE_TIMEOUT,
					binder.bind(LIFECYCLE_TIMEOUT, Duration.class).orElse(LIFECYCLE_TIMEOUT_DEFAULT));
		}
		if (properties.getDrain().isEnabled()) {
			String name = "quiet-shutdown.drain.timeout";
			Duration longest = properties.getDrain().getTimeout();
			for (Map.Entry<String, Duration> entry : properties.getDrain().getExecutorTimeouts().entrySet()) {
				if (entry.getValue().compareTo(longest) > 0) {
					name = "quiet-shutdown.drain.executor-timeouts." + entry.getKey();
					longest = entry.getValue();
				}
			}
			sum = add(terms, sum, name, longest);
		}
		if (properties.getWatchdog().isEnabled() && properties.getWatchdog().getHaltAfter() != null) {
			sum = add(terms, sum, "quiet-shutdown.watchdog.halt-after", properties.getWatchdog().getHaltAfter());
		}
		if (sum.compareTo(properties.getGracePeriod()) <= 0) {
			return null;
		}
		return "Shutdown can outlast quiet-shutdown.grace-period=" + format(properties.getGracePeriod()) + ": "
				+ String.join(" + ", terms) + " = " + format(sum) + ". The drain will give up early to leave time "
				+ "for the report; shorten these, or raise the grace period with terminationGracePeriodSeconds";
	}

	private static Duration add(List<String> terms, Duration sum, String property, Duration value) {
		terms.add(property + "=" + format(value));
		return sum.plus(value);
	}

	static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	private static boolean isWebApplication(ApplicationContext context) {
		for (String type : WEB_CONTEXTS) {
			if (ClassUtils.isPresent(type, context.getClassLoader())
					&& ClassUtils.resolveClassName(type, context.getClassLoader()).isInstance(context)) {
				return true;
			}
		}
		return false;
	}

}
