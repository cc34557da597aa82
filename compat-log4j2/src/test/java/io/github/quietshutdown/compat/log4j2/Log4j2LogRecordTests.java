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
package io.github.quietshutdown.compat.log4j2;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSource;
import io.github.quietshutdown.test.ShutdownRoadsApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log records without an exception matched by log-record signatures, and records with an
 * unknown exception labelled during shutdown, in a real application on Log4j2.
 */
@ExtendWith(OutputCaptureExtension.class)
class Log4j2LogRecordTests {

	private static final String REJECTING = "Rejecting received message(s) because the listener container has been stopped: ";

	private static final Logger container = LoggerFactory
		.getLogger("org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer");

	private static final Logger foreign = LoggerFactory.getLogger("org.example.netty.EventLoop");

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void closeContexts() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void warnWithoutExceptionMatchingALogRecordSignatureIsDroppedOnlyDuringShutdown(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		ShutdownStatistics statistics = context.getBean(ShutdownStatistics.class);
		container.warn(REJECTING + "kept-while-running");
		beginShutdown(context);
		container.warn(REJECTING + "dropped-during-close");
		container.warn("{}{}", REJECTING, "dropped-with-parameters");
		LogManager.getLogger(container.getName()).warn(REJECTING + "dropped-log4j-api");
		container.info(REJECTING + "kept-info");
		container.warn("kept-other-warning");
		foreign.warn(REJECTING + "kept-other-logger");
		container.warn(REJECTING + "kept-with-exception", new IllegalStateException("real"));
		assertThat(output).contains("kept-while-running")
			.contains("kept-info")
			.contains("kept-other-warning")
			.contains("kept-other-logger")
			.contains("kept-with-exception")
			.doesNotContain("dropped-");
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(3);
	}

	@Test
	void unknownErrorDuringShutdownIsLabelledAndKeepsLevelAndStackTrace(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		List<LogEvent> events = capture(() -> {
			foreign.error("real-before", new IllegalStateException("before"));
			beginShutdown(context);
			foreign.error("real-during {}", "with-parameter", new IllegalStateException("during"));
			LogManager.getLogger(foreign.getName()).warn("real-log4j-api", new IllegalArgumentException("api"));
			foreign.error("no-throwable-during");
			// A symptom of the catalogue (commons-pool.pool-closed) is dropped, not labelled.
			foreign.error("symptom-during", new IllegalStateException("Pool not open"));
		});
		assertThat(output).contains("real-before" + System.lineSeparator())
			.contains("real-during with-parameter [during shutdown]")
			.contains("java.lang.IllegalStateException: during")
			.contains("real-log4j-api [during shutdown]")
			.contains("java.lang.IllegalArgumentException: api")
			.contains("no-throwable-during" + System.lineSeparator())
			.doesNotContain("symptom-during");
		assertThat(output.toString().split("real-during", -1)).hasSize(2);
		assertThat(events).extracting((event) -> event.getMessage().getFormattedMessage())
			.containsExactly("real-before", "real-during with-parameter [during shutdown]",
					"real-log4j-api [during shutdown]", "no-throwable-during");
		LogEvent during = events.get(1);
		assertThat(during.getLevel().name()).isEqualTo("ERROR");
		assertThat(during.getThrown()).hasMessage("during");
		assertThat(during.getContextData().toMap()).containsEntry("quiet.shutdown", "during");
		assertThat(during.getSource().getClassName()).isEqualTo(getClass().getName());
		assertThat(events.get(0).getContextData().toMap()).doesNotContainKey("quiet.shutdown");
		assertThat(events.get(2).getLevel().name()).isEqualTo("WARN");
		assertThat(events.get(3).getContextData().toMap()).doesNotContainKey("quiet.shutdown");
		assertThat(org.apache.logging.log4j.ThreadContext.get("quiet.shutdown")).isNull();
	}

	@Test
	void labelIsAbsentWhenSwitchedOff(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.label-during-shutdown=false");
		List<LogEvent> events = capture(() -> {
			beginShutdown(context);
			foreign.error("real-during", new IllegalStateException("during"));
		});
		assertThat(output).contains("real-during" + System.lineSeparator())
			.contains("java.lang.IllegalStateException: during")
			.doesNotContain("[during shutdown]");
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event.getContextData().toMap()).doesNotContainKey("quiet.shutdown"));
	}

	private static List<LogEvent> capture(Runnable logging) {
		LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
		Configuration configuration = loggerContext.getConfiguration();
		ListAppender appender = new ListAppender();
		appender.start();
		configuration.getRootLogger().addAppender(appender, null, null);
		loggerContext.updateLoggers();
		try {
			logging.run();
		}
		finally {
			configuration.getRootLogger().removeAppender(appender.getName());
			loggerContext.updateLoggers();
		}
		return appender.events;
	}

	private static void beginShutdown(ConfigurableApplicationContext context) {
		context.getBean(ShutdownState.class).advanceTo(ShutdownPhase.CLOSING);
	}

	private ConfigurableApplicationContext start(String... properties) {
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run(properties);
		this.contexts.add(context);
		return context;
	}

	private static final class ListAppender extends AbstractAppender {

		private final List<LogEvent> events = new ArrayList<>();

		ListAppender() {
			super("quiet-shutdown-test", null, null, true, Property.EMPTY_ARRAY);
		}

		@Override
		public void append(LogEvent event) {
			this.events.add(event.toImmutable());
		}

	}

}
