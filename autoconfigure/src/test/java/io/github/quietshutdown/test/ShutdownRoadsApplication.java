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
package io.github.quietshutdown.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A real Spring Boot application (every auto-configuration on the classpath, Spring Boot's
 * logging initialisation) whose background work takes every road a shutdown symptom can
 * take: a {@code @Scheduled} poller, a {@code void @Async} writer, raw threads,
 * {@code execute()} tasks and foreign threads that only log. Tasks sent "after the pool
 * closed" block until the context closes the real HikariCP pool, then fail.
 * <p>
 * Executors and schedulers await termination, and the pool is destroyed before them and
 * before {@link Roads}, which joins the raw threads: when {@code close()} returns, every
 * failure has happened and every road has dealt with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableAsync
@EnableScheduling
public class ShutdownRoadsApplication {

	private static final List<String> PROPERTIES = List.of("spring.main.web-application-type=none",
			"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "spring.jmx.enabled=false",
			"spring.task.execution.pool.core-size=16", "spring.task.execution.shutdown.await-termination=true",
			"spring.task.execution.shutdown.await-termination-period=10s", "spring.task.scheduling.pool.size=6",
			"spring.task.scheduling.shutdown.await-termination=true",
			"spring.task.scheduling.shutdown.await-termination-period=10s",
			// Tasks here block until the pool has closed: a drain would wait for them.
			"quiet-shutdown.drain.enabled=false", "quiet-shutdown.watchdog.enabled=false");

	/**
	 * Run the application.
	 * @param extraSources more configuration classes, such as {@link UserHandlers}
	 * @param properties more properties, {@code name=value}
	 * @return the running context
	 */
	public static ConfigurableApplicationContext run(List<Class<?>> extraSources, String... properties) {
		return application(extraSources, properties).run();
	}

	/**
	 * Prepare the application, without Spring Boot's JVM shutdown hook.
	 * @param extraSources more configuration classes, such as {@link UserHandlers}
	 * @param properties more properties, {@code name=value}
	 * @return the application, ready to run
	 */
	public static SpringApplication application(List<Class<?>> extraSources, String... properties) {
		List<Class<?>> sources = new ArrayList<>();
		sources.add(ShutdownRoadsApplication.class);
		sources.addAll(extraSources);
		SpringApplication application = new SpringApplication(sources.toArray(new Class<?>[0]));
		application.setRegisterShutdownHook(false);
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (String property : PROPERTIES) {
			put(defaults, property);
		}
		Arrays.stream(properties).forEach((property) -> put(defaults, property));
		application.setDefaultProperties(defaults);
		return application;
	}

	/**
	 * Run the application.
	 * @param properties more properties, {@code name=value}
	 * @return the running context
	 */
	public static ConfigurableApplicationContext run(String... properties) {
		return run(List.of(), properties);
	}

	private static void put(Map<String, Object> properties, String property) {
		int separator = property.indexOf('=');
		properties.put(property.substring(0, separator), property.substring(separator + 1));
	}

	// Destroyed before the roads, the executors and the scheduler.
	@Bean
	@DependsOn({ "roads", "applicationTaskExecutor", "taskScheduler" })
	SignallingHikariDataSource dataSource() {
		return new SignallingHikariDataSource();
	}

	@Bean
	Roads roads(ObjectProvider<SignallingHikariDataSource> dataSource, Roads.Poller poller, Roads.Writer writer,
			@Qualifier("applicationTaskExecutor") TaskExecutor applicationTaskExecutor,
			@Value("${roads.virtual-threads:false}") boolean virtualThreads) {
		return new Roads(dataSource, poller, writer, applicationTaskExecutor, rawThreads(virtualThreads));
	}

	@Bean
	Roads.Poller poller() {
		return new Roads.Poller();
	}

	@Bean
	Roads.Writer writer() {
		return new Roads.Writer();
	}

	private static ThreadFactory rawThreads(boolean virtual) {
		if (virtual) {
			return new VirtualThreadTaskExecutor("raw-").getVirtualThreadFactory();
		}
		AtomicInteger count = new AtomicInteger();
		return (task) -> new Thread(task, "raw-" + count.incrementAndGet());
	}

}
