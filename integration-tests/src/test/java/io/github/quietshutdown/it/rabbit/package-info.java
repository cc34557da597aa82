/**
 * A {@code @RabbitListener} on a real RabbitMQ that writes to PostgreSQL and Redis, busy
 * through shutdown.
 */
package io.github.quietshutdown.it.rabbit;
