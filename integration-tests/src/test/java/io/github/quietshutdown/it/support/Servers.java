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
package io.github.quietshutdown.it.support;

import io.github.quietshutdown.it.servers.KafkaServer;
import io.github.quietshutdown.it.servers.PostgresServer;
import io.github.quietshutdown.it.servers.RabbitServer;
import io.github.quietshutdown.it.servers.RedisServer;

/**
 * The servers an application of the messaging tests uses.
 *
 * @param postgres PostgreSQL
 * @param redis Redis
 * @param rabbit RabbitMQ, or {@code null}
 * @param kafka Kafka, or {@code null}
 */
public record Servers(PostgresServer postgres, RedisServer redis, RabbitServer rabbit, KafkaServer kafka) {

}
