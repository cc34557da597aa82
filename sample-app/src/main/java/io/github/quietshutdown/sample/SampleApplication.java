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
package io.github.quietshutdown.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A small service whose background work keeps using its database while it stops: a
 * {@code @Scheduled} poller, a {@code void @Async} writer, a report executor fed by a
 * producer, and a {@code QueueWorker} audit trail, over H2 and HikariCP.
 * <p>
 * Run it and stop it with Ctrl-C, or let {@code --sample.demo.run-for=5s} stop it under load.
 * Add {@code --quiet-shutdown.enabled=false} to see the same shutdown without the starter.
 *
 * @author Quiet Shutdown authors
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
