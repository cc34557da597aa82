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

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives tests (and {@code @BeforeAll} methods) the real servers they
 * declare as parameters: {@link PostgresServer}, {@link RedisServer}, {@link RabbitServer},
 * {@link KafkaServer}. Each is started once for the whole test run, on first use, and
 * stopped when the run ends, whatever its outcome. A server that cannot start fails the
 * test that asked for it, with the reason.
 */
public final class RealServers implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RealServers.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == PostgresServer.class || type == RedisServer.class || type == RabbitServer.class
				|| type == KafkaServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		if (type == PostgresServer.class) {
			return server(context, PostgresServer.class, PostgresServer::new);
		}
		if (type == RedisServer.class) {
			return server(context, RedisServer.class, RedisServer::new);
		}
		if (type == RabbitServer.class) {
			return server(context, RabbitServer.class, RabbitServer::new);
		}
		return server(context, KafkaServer.class, KafkaServer::new);
	}

	private static <S extends ExternalServer> S server(ExtensionContext context, Class<S> type, Supplier<S> factory) {
		// The root store outlives every test class and closes its resources at the end of the run.
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(type, (key) -> start(factory.get()), type);
	}

	private static <S extends ExternalServer> S start(S server) {
		try {
			server.start();
			return server;
		}
		catch (Exception ex) {
			try {
				server.close();
			}
			catch (Exception closeFailure) {
				ex.addSuppressed(closeFailure);
			}
			throw new ParameterResolutionException(server.name() + " could not start: " + ex.getMessage(), ex);
		}
	}

}
