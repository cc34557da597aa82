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

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.github.quietshutdown.ShutdownPhase;
import io.github.quietshutdown.ShutdownState;
import io.github.quietshutdown.ShutdownStateListener;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomClassifier;
import io.github.quietshutdown.record.ShutdownStatistics;
import io.github.quietshutdown.record.SymptomSuppressor;
import io.github.quietshutdown.task.ExecutorDecoratingPostProcessor;
import io.github.quietshutdown.test.DecoratorChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuietShutdownAutoConfiguration} and
 * {@link QuietShutdownExecutorAutoConfiguration}.
 */
class QuietShutdownAutoConfigurationTests {

	private static final String CLOSED_POOL = "HikariDataSource HikariDataSource (HikariPool-1) has been closed.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(QuietShutdownAutoConfiguration.class, QuietShutdownExecutorAutoConfiguration.class));

	@Test
	void defaultsProvideCoreBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ShutdownState.class)
				.hasSingleBean(ShutdownStateListener.class)
				.hasSingleBean(ShutdownStatistics.class)
				.hasSingleBean(SymptomClassifier.class)
				.hasSingleBean(SymptomSuppressor.class)
				.hasSingleBean(ExecutorDecoratingPostProcessor.class);
			QuietShutdownProperties properties = context.getBean(QuietShutdownProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getSuppression().getLevel()).isEqualTo(LogLevel.DEBUG);
			assertThat(context.getBean(SymptomClassifier.class).getCatalogue().size())
				.isEqualTo(SymptomCatalogue.shipped().size());
			assertThat(context.getBean(ShutdownState.class).getPhase()).isEqualTo(ShutdownPhase.RUNNING);
		});
	}

	@Test
	void stateFollowsTheContextLifecycle() {
		this.runner.run((context) -> {
			ShutdownState state = context.getBean(ShutdownState.class);
			context.close();
			assertThat(state.getPhase()).isEqualTo(ShutdownPhase.CLOSED);
			assertThat(state.getEntered(ShutdownPhase.CLOSING)).isNotNull();
		});
	}

	@Test
	void closingAChildContextDoesNotMoveTheParentState() {
		this.runner.run((parent) -> {
			new ApplicationContextRunner().withParent(parent).run((child) -> child.close());
			assertThat(parent.getBean(ShutdownState.class).getPhase()).isEqualTo(ShutdownPhase.RUNNING);
		});
	}

	@Test
	void disabledProvidesNothing() {
		this.runner.withPropertyValues("quiet-shutdown.enabled=false")
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ShutdownState.class)
					.doesNotHaveBean(SymptomClassifier.class)
					.doesNotHaveBean(ExecutorDecoratingPostProcessor.class)
					.doesNotHaveBean(QuietShutdownProperties.class);
				assertThat(DecoratorChain.observe(context.getBean(ThreadPoolTaskExecutor.class))).isEmpty();
			});
	}

	@Test
	void suppressionLevelIsConfigurable() {
		this.runner.withPropertyValues("quiet-shutdown.suppression.level=off")
			.run((context) -> assertThat(context.getBean(QuietShutdownProperties.class).getSuppression().getLevel())
				.isEqualTo(LogLevel.OFF));
	}

	@Test
	void extraSignaturesAreAdded() {
		this.runner
			.withPropertyValues("quiet-shutdown.symptoms.extra[0].id=acme.client-stopped",
					"quiet-shutdown.symptoms.extra[0].type=java.io.IOException",
					"quiet-shutdown.symptoms.extra[0].message=^Acme client (is )?stopped",
					"quiet-shutdown.symptoms.extra[1].type=com.acme.ShutdownException")
			.run((context) -> {
				SymptomClassifier classifier = closing(context.getBean(SymptomClassifier.class));
				assertThat(classifier.classify(new java.io.IOException("Acme client is stopped")).signature().getId())
					.isEqualTo("acme.client-stopped");
				assertThat(classifier.classify(new java.io.IOException("Acme disk full"))).isNull();
				assertThat(classifier.getCatalogue().get("extra.1").getType()).isEqualTo("com.acme.ShutdownException");
			});
	}

	@Test
	void excludedSignaturesAreRemovedByIdAndPrefix() {
		this.runner.withPropertyValues("quiet-shutdown.symptoms.exclude=hikari.*,jdk.interrupted").run((context) -> {
			SymptomClassifier classifier = closing(context.getBean(SymptomClassifier.class));
			assertThat(classifier.classify(new SQLException(CLOSED_POOL))).isNull();
			assertThat(classifier.classify(new InterruptedException())).isNull();
			assertThat(classifier.getCatalogue().get("hikari.interrupted")).isNull();
			assertThat(classifier.getCatalogue().get("jdk.cancelled")).isNotNull();
		});
	}

	@Test
	void excludedExecutorsAreNotDecorated() {
		this.runner.withUserConfiguration(TwoExecutors.class)
			.withPropertyValues("quiet-shutdown.executors.exclude=legacyPool")
			.run((context) -> {
				assertThat(DecoratorChain.observe(context.getBean("legacyPool", ThreadPoolTaskExecutor.class))).isEmpty();
				assertThat(DecoratorChain.observe(context.getBean("workPool", ThreadPoolTaskExecutor.class)))
					.containsExactly("quiet");
			});
	}

	@Test
	void backsOffFromUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(ShutdownState.class)).isSameAs(UserBeans.STATE);
			assertThat(context.getBean(SymptomClassifier.class).getCatalogue().size()).isEqualTo(1);
			assertThat(context.getBean(SymptomSuppressor.class).getClassifier())
				.isSameAs(context.getBean(SymptomClassifier.class));
			assertThat(context).hasSingleBean(ShutdownStatistics.class);
		});
	}

	@Test
	void worksWithoutMicrometerAndActuator() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.actuate"))
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(SymptomSuppressor.class);
				assertThat(DecoratorChain.observe(context.getBean(ThreadPoolTaskExecutor.class))).containsExactly("quiet");
			});
	}

	private static SymptomClassifier closing(SymptomClassifier classifier) {
		classifier.getState().advanceTo(ShutdownPhase.CLOSING);
		return classifier;
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoExecutors {

		@Bean
		ThreadPoolTaskExecutor legacyPool() {
			return new ThreadPoolTaskExecutor();
		}

		@Bean
		ThreadPoolTaskExecutor workPool() {
			return new ThreadPoolTaskExecutor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ShutdownState STATE = new ShutdownState();

		@Bean
		ShutdownState userShutdownState() {
			return STATE;
		}

		@Bean
		SymptomClassifier userClassifier(ShutdownState state) {
			return new SymptomClassifier(state, SymptomCatalogue.shipped().without(java.util.List.of("spring.*", "jdk.*",
					"hikari.pool-shutdown", "hikari.interrupted")).without(SymptomCatalogue.shipped()
						.getSignatures()
						.stream()
						.map(io.github.quietshutdown.classify.SymptomSignature::getId)
						.filter((id) -> !id.equals("hikari.pool-closed"))
						.toList()));
		}

	}

}
