/**
 * Spring Data Redis, with Lettuce and with Jedis, on a real Redis, busy through shutdown.
 */
package io.github.quietshutdown.it.redis;
