/**
 * What every application of the integration tests shares: its books of the work it hands
 * to executors, its control errors, its raw threads, and the runs that close it at a random
 * moment and read what it printed.
 */
package io.github.quietshutdown.it.support;
