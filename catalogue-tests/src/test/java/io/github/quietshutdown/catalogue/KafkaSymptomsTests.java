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
package io.github.quietshutdown.catalogue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertLogRecordSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Kafka clients and Spring for Apache Kafka (versions from the Spring Boot BOM). Producers,
 * consumers and admin clients are created against 127.0.0.1 (no broker runs: nothing here
 * needs one), closed, and then used.
 */
@ExtendWith(NoThreadLeaks.class)
class KafkaSymptomsTests {

	private static final String BOOTSTRAP = "127.0.0.1:1";

	@Test
	void sendAfterTheProducerClosed() {
		KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
		producer.close(Duration.ofSeconds(10));
		Throwable ex = catchThrowable(() -> producer.send(new ProducerRecord<>("topic", "value")));
		assertThat(ex).isInstanceOf(IllegalStateException.class)
			.hasMessage("Cannot perform operation after producer has been closed");
		assertSymptom(ex, "kafka.producer-closed");
	}

	@Test
	void sameClassWithAnotherMessageIsARealFault() {
		KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties());
		try {
			// Transactions were not configured: a programming error, not shutdown.
			Throwable ex = catchThrowable(producer::beginTransaction);
			assertThat(ex).isInstanceOf(IllegalStateException.class);
			assertThat(ex.getMessage()).doesNotContain("closed");
			assertNotSymptom(ex);
		}
		finally {
			producer.close(Duration.ofSeconds(10));
		}
	}

	@Test
	void sendInProgressWhenTheProducerCloses() {
		// Constructed: the race between a send waiting for metadata and close() cannot be
		// produced deterministically. KafkaProducer.doSend builds exactly this when
		// ProducerMetadata.awaitUpdate fails because the metadata closed.
		KafkaException ex = new KafkaException("Producer closed while send in progress",
				new KafkaException("Requested metadata update after close"));
		assertSymptom(ex, "kafka.producer-closed-during-send");
		assertSymptom(ex.getCause(), "kafka.producer-closed-during-send");
		assertSymptom(new KafkaException("Producer closed while allocating memory"),
				"kafka.producer-closed-during-send");
	}

	@Test
	void batchesAbortedByAForcedClose() {
		// Constructed: aborting incomplete batches needs a reachable broker.
		// RecordAccumulator.abortIncompleteBatches and TransactionManager.close build these.
		assertSymptom(new KafkaException("Producer is closed forcefully."), "kafka.producer-closed-forcefully");
		assertSymptom(new KafkaException("The producer closed forcefully"), "kafka.producer-closed-forcefully");
		assertNotSymptom(new KafkaException("Failed to construct kafka producer"));
	}

	@Test
	void pollAfterTheConsumerClosed() {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties());
		consumer.close(Duration.ofSeconds(10));
		Throwable ex = catchThrowable(() -> consumer.poll(Duration.ZERO));
		assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("This consumer has already been closed.");
		assertSymptom(ex, "kafka.consumer-closed");
	}

	@Test
	void pollWokenUpToStop() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
			consumer.assign(List.of(new TopicPartition("topic", 0)));
			consumer.wakeup();
			WakeupException ex = catchThrowableOfType(WakeupException.class,
					() -> consumer.poll(Duration.ofSeconds(10)));
			assertSymptom(ex, "kafka.consumer-wakeup");
		}
	}

	@Test
	void pollInterrupted() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
			consumer.assign(List.of(new TopicPartition("topic", 0)));
			Thread.currentThread().interrupt();
			InterruptException ex;
			try {
				ex = catchThrowableOfType(InterruptException.class, () -> consumer.poll(Duration.ofSeconds(10)));
			}
			finally {
				Thread.interrupted();
			}
			assertThat(ex.getCause()).isInstanceOf(InterruptedException.class);
			assertSymptom(ex, "kafka.interrupted");
		}
	}

	@Test
	void adminCallAfterTheAdminClientClosed() {
		Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
		admin.close(Duration.ofSeconds(10));
		Throwable ex = catchThrowable(() -> admin.describeCluster().clusterId().get());
		assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class)
			.hasMessage("Cannot accept new calls when AdminClient is closing.");
		assertSymptom(ex, "kafka.admin-client-closing");
	}

	@Test
	void adminCallAfterTheAdminThreadExited() {
		// Constructed: KafkaAdminClient.AdminClientRunnable.enqueue builds it once its thread
		// has exited, a window close() itself does not expose.
		assertSymptom(new TimeoutException("The AdminClient thread has exited."), "kafka.admin-client-exited");
		assertNotSymptom(new TimeoutException("Timed out waiting for a node assignment. Call: describeCluster"));
	}

	@Test
	void springKafkaContainerStoppedDuringRetries() {
		// Constructed: ErrorHandlingUtils.retryBatch builds it when the listener container
		// stops while a failed batch is retried; that needs a running broker.
		assertSymptom(new org.springframework.kafka.KafkaException("Container stopped during retries"),
				"spring-kafka.container-stopped-during-retries");
		assertNotSymptom(new org.springframework.kafka.KafkaException("Container paused requested during retries"));
	}

	private static Map<String, Object> producerProperties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		return properties;
	}

	private static Map<String, Object> consumerProperties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return properties;
	}

	// AbstractCoordinator.close through Kafka's LogContext: the record's message starts with the
	// client's prefix.
	@Test
	void coordinatorCloseTimedOutRecord() {
		assertLogRecordSymptom("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
				"[Consumer clientId=consumer-orders-1, groupId=orders] Close timed out with 2 pending requests to coordinator, "
						+ "terminating client connections",
				"kafka.coordinator-close-timed-out");
	}
}
