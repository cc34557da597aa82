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

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The sample's own accounting of its work, independent of the starter, printed once the
 * work has stopped: {@code lost} is what was accepted but neither done nor reported.
 */
@Component
public class Bookkeeping implements DisposableBean {

	final AtomicLong submitted = new AtomicLong();

	final AtomicLong completed = new AtomicLong();

	final AtomicLong reported = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

	private volatile Thread producer;

	void producedBy(Thread producer) {
		this.producer = producer;
	}

	@Override
	public void destroy() throws InterruptedException {
		// The producer stops at its last refusal: its counts are final after that.
		Thread producer = this.producer;
		if (producer != null) {
			producer.join(2_000);
		}
		long lost = this.submitted.get() - this.completed.get() - this.reported.get();
		// System.out: the logging system may be stopping.
		System.out.println("SAMPLE ACCOUNTING submitted=" + this.submitted.get() + " completed=" + this.completed.get()
				+ " reported=" + this.reported.get() + " lost=" + lost + " refused=" + this.refused.get());
	}

}
