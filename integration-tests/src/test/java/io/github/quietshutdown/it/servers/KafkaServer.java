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
package io.github.quietshutdown.it.servers;

import org.apache.kafka.common.utils.AppInfoParser;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in this JVM: the KRaft broker of {@code spring-kafka-test}, its data in
 * a temporary folder that the broker manages, listening on a free port of 127.0.0.1.
 */
public final class KafkaServer extends ExternalServer {

	private EmbeddedKafkaKraftBroker broker;

	KafkaServer() {
		super("Kafka");
	}

	/**
	 * Return the bootstrap servers.
	 * @return the bootstrap servers
	 */
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	private final java.util.Set<String> topics = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Create topics that do not exist yet.
	 * @param partitions the partitions of each topic
	 * @param topics the topic names
	 */
	public void addTopics(int partitions, String... topics) {
		for (String topic : topics) {
			if (!this.topics.add(topic)) {
				continue;
			}
			this.broker.addTopics(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1));
		}
	}

	@Override
	void start() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(freePort());
		this.broker.afterPropertiesSet();
		started(AppInfoParser.getVersion() + " (KRaft, in-process)", bootstrapServers());
	}

	@Override
	void stop() {
		if (this.broker != null) {
			this.broker.destroy();
		}
	}

}
