/**
 * Spring Data JPA on a real PostgreSQL, busy through shutdown.
 */
package io.github.quietshutdown.it.jpa;
