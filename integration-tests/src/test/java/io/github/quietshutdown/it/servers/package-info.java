/**
 * Real servers for the integration tests: PostgreSQL, Redis and RabbitMQ from the machine's
 * packages, Kafka's in-process KRaft broker, each on 127.0.0.1 and stopped when the run ends.
 */
package io.github.quietshutdown.it.servers;
