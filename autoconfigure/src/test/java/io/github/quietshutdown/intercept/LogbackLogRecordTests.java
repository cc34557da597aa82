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
package io.github.quietshutdown.intercept;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
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
 * unknown exception labelled during shutdown, in a real application on Logback.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogbackLogRecordTests {

	private static final String REJECTING = "Rejecting received message(s) because the listener container has been stopped: ";

	private static final Logger container = LoggerFactory
		.getLogger("org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer");

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
		assertThat(statistics.getSuppressed(SymptomSource.LOG)).isEqualTo(2);
		assertThat(statistics.getSamples()).first()
			.satisfies((sample) -> assertThat(sample.signature()).isEqualTo("spring-amqp.listener-stopped-rejecting"));
	}

	@Test
	void logRecordSignatureFromConfigurationMatchesItsLoggerAndChildren(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.symptoms.extra[0].logger=org.example.consumer",
				"quiet-shutdown.symptoms.extra[0].message=^Consumer stopped, \\d+ pending$");
		LoggerFactory.getLogger("org.example.consumer.Poller").warn("Consumer stopped, {} pending", 3);
		beginShutdown(context);
		LoggerFactory.getLogger("org.example.consumer.Poller").warn("Consumer stopped, {} pending", 4);
		LoggerFactory.getLogger("org.example.consumer").error("Consumer stopped, 5 pending");
		LoggerFactory.getLogger("org.example.consumers").warn("Consumer stopped, 6 pending");
		assertThat(output).contains("Consumer stopped, 3 pending")
			.doesNotContain("Consumer stopped, 4 pending")
			.doesNotContain("Consumer stopped, 5 pending")
			.contains("Consumer stopped, 6 pending");
		assertThat(context.getBean(ShutdownStatistics.class).getSuppressed(SymptomSource.LOG)).isEqualTo(2);
	}

	@Test
	void unknownErrorDuringShutdownIsLabelledAndKeepsLevelAndStackTrace(CapturedOutput output) {
		ConfigurableApplicationContext context = start();
		List<ILoggingEvent> events = capture(() -> {
			foreign.error("real-before", new IllegalStateException("before"));
			beginShutdown(context);
			foreign.error("real-during {}", "with-parameter", new IllegalStateException("during"));
			foreign.atWarn().setCause(new IllegalArgumentException("fluent")).addKeyValue("order", 42).log("real-fluent");
			foreign.error("no-throwable-during");
			// A symptom of the catalogue (commons-pool.pool-closed) is dropped, not labelled.
			foreign.error("symptom-during", new IllegalStateException("Pool not open"));
		});
		assertThat(output).contains("real-before" + System.lineSeparator())
			.contains("real-during with-parameter [during shutdown]")
			.contains("java.lang.IllegalStateException: during")
			.contains("real-fluent [during shutdown]")
			.contains("java.lang.IllegalArgumentException: fluent")
			.contains("no-throwable-during" + System.lineSeparator())
			.doesNotContain("symptom-during");
		assertThat(output.toString().split("real-during", -1)).hasSize(2);
		assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("real-before", "real-during with-parameter [during shutdown]",
					"real-fluent [during shutdown]", "no-throwable-during");
		ILoggingEvent during = events.get(1);
		assertThat(during.getLevel().toString()).isEqualTo("ERROR");
		assertThat(during.getThrowableProxy().getMessage()).isEqualTo("during");
		assertThat(during.getMDCPropertyMap()).containsEntry("quiet.shutdown", "during");
		assertThat(during.getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
		assertThat(events.get(0).getMDCPropertyMap()).doesNotContainKey("quiet.shutdown");
		assertThat(events.get(2).getLevel().toString()).isEqualTo("WARN");
		assertThat(events.get(2).getKeyValuePairs()).singleElement()
			.satisfies((pair) -> assertThat(pair.key + "=" + pair.value).isEqualTo("order=42"));
		assertThat(events.get(3).getMDCPropertyMap()).doesNotContainKey("quiet.shutdown");
		assertThat(org.slf4j.MDC.get("quiet.shutdown")).isNull();
	}

	@Test
	void labelReachesSpringBootStructuredLogging() {
		ConfigurableApplicationContext context = start();
		List<ILoggingEvent> events = capture(() -> {
			beginShutdown(context);
			foreign.error("real-during", new IllegalStateException("during"));
		});
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat("ecs");
		encoder.setContext(((ch.qos.logback.classic.Logger) foreign).getLoggerContext());
		encoder.start();
		try {
			String json = new String(encoder.encode(events.get(0)), StandardCharsets.UTF_8);
			assertThat(json).contains("\"message\":\"real-during [during shutdown]\"")
				// ECS nests the dotted MDC key.
				.contains("\"quiet\":{\"shutdown\":\"during\"}")
				.contains("java.lang.IllegalStateException: during");
		}
		finally {
			encoder.stop();
		}
	}

	@Test
	void labelIsAbsentWhenSwitchedOff(CapturedOutput output) {
		ConfigurableApplicationContext context = start("quiet-shutdown.intercept.label-during-shutdown=false");
		List<ILoggingEvent> events = capture(() -> {
			beginShutdown(context);
			foreign.error("real-during", new IllegalStateException("during"));
		});
		assertThat(output).contains("real-during" + System.lineSeparator())
			.contains("java.lang.IllegalStateException: during")
			.doesNotContain("[during shutdown]");
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).doesNotContainKey("quiet.shutdown"));
	}

	private List<ILoggingEvent> capture(Runnable logging) {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) foreign;
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setContext(logger.getLoggerContext());
		appender.start();
		logger.addAppender(appender);
		try {
			logging.run();
		}
		finally {
			logger.detachAppender(appender);
		}
		return appender.list;
	}

	private static void beginShutdown(ConfigurableApplicationContext context) {
		context.getBean(ShutdownState.class).advanceTo(ShutdownPhase.CLOSING);
	}

	private ConfigurableApplicationContext start(String... properties) {
		ConfigurableApplicationContext context = ShutdownRoadsApplication.run(properties);
		this.contexts.add(context);
		return context;
	}

}
