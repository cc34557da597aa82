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

import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;
import reactor.pool.PoolShutdownException;
import reactor.pool.PooledRef;
import reactor.pool.decorators.GracefulShutdownInstrumentedPool;
import reactor.pool.decorators.InstrumentedPoolDecorators;

import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * r2dbc-pool over r2dbc-h2 (in memory) and Reactor Pool (versions from the Spring Boot BOM):
 * the pools are really disposed and then asked for a connection.
 */
@ExtendWith(NoThreadLeaks.class)
class ReactorPoolSymptomsTests {

	@Test
	void createOnADisposedR2dbcConnectionPool() {
		ConnectionPool pool = new ConnectionPool(
				ConnectionPoolConfiguration.builder(H2ConnectionFactory.inMemory("quiet-shutdown")).build());
		pool.dispose();
		Throwable ex = catchThrowable(() -> pool.create().block(Duration.ofSeconds(10)));
		assertThat(ex).isInstanceOf(PoolShutdownException.class).hasMessage("Pool has been shut down");
		assertSymptom(ex, "reactor-pool.pool-shut-down");
	}

	@Test
	void acquireDuringAGracefulShutdown() {
		InstrumentedPool<String> delegate = PoolBuilder.from(Mono.just("resource")).buildPool();
		GracefulShutdownInstrumentedPool<String> pool = InstrumentedPoolDecorators.gracefulShutdown(delegate);
		PooledRef<String> inUse = pool.acquire().block(Duration.ofSeconds(10));
		assertThat(inUse).isNotNull();
		pool.disposeGracefully(Duration.ofSeconds(10)).subscribe();
		Throwable ex = catchThrowable(() -> pool.acquire().block(Duration.ofSeconds(10)));
		assertThat(ex).isInstanceOf(PoolShutdownException.class).hasMessageStartingWith("The pool is being gracefully shut down");
		assertSymptom(ex, "reactor-pool.pool-shut-down");
		inUse.release().block(Duration.ofSeconds(10));
		delegate.dispose();
	}

}
