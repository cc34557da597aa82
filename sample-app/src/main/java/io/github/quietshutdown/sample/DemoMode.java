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

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code sample.demo.run-for}, closes the application after that long under load, so
 * the shutdown can be watched without a second terminal.
 */
@Component
@ConditionalOnProperty("sample.demo.run-for")
class DemoMode {

	private static final Log logger = LogFactory.getLog(DemoMode.class);

	private final Duration runFor;

	DemoMode(org.springframework.core.env.Environment environment) {
		this.runFor = environment.getRequiredProperty("sample.demo.run-for", Duration.class);
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Thread closer = new Thread(() -> {
			try {
				// A timer for the demo, not synchronisation.
				Thread.sleep(this.runFor.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			logger.info("Demo: closing the application under load");
			context.close();
		}, "demo-closer");
		closer.setDaemon(true);
		closer.start();
	}

}
