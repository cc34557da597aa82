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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * RabbitMQ from the machine's packages ({@code rabbitmq-server}): a node of its own name,
 * its AMQP and distribution ports free ports of 127.0.0.1, its own {@code epmd} on a free
 * port of 127.0.0.1, its database, logs and Erlang cookie in a temporary folder. Stopped
 * with SIGTERM (a clean node stop), then its {@code epmd} is stopped.
 */
public final class RabbitServer extends ExternalServer {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final String BIN = "/usr/lib/rabbitmq/bin";

	private final int port = freePort();

	private final int epmdPort = freePort();

	private Process process;

	RabbitServer() {
		super("RabbitMQ");
	}

	/**
	 * Return the AMQP port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the host.
	 * @return the host
	 */
	public String host() {
		return HOST;
	}

	@Override
	void start() throws Exception {
		Path server = Paths.get(BIN, "rabbitmq-server");
		if (!Files.isExecutable(server)) {
			throw new IllegalStateException("RabbitMQ is not installed: no " + server + ". Install it with "
					+ "'apt-get install -y --no-install-recommends rabbitmq-server' (.ci/run does).");
		}
		Files.createDirectories(directory().resolve("home"));
		Files.writeString(directory().resolve("enabled_plugins"), "[].\n");
		this.process = launch("rabbitmq.log", environment(), List.of(server.toString()));
		long deadline = System.nanoTime() + STARTUP.toNanos();
		String version = null;
		while (version == null) {
			checkAlive(this.process, "rabbitmq.log", deadline);
			version = serverVersion();
			if (version == null) {
				Thread.sleep(200);
			}
		}
		started(version, HOST + ":" + this.port);
	}

	private String serverVersion() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(HOST);
		factory.setPort(this.port);
		factory.setConnectionTimeout(1000);
		try (Connection connection = factory.newConnection()) {
			return String.valueOf(connection.getServerProperties().get("version"));
		}
		catch (IOException | TimeoutException ex) {
			return null;
		}
	}

	private Map<String, String> environment() {
		Path folder = directory();
		return Map.ofEntries(Map.entry("HOME", folder.resolve("home").toString()),
				Map.entry("RABBITMQ_NODENAME", "quiet-shutdown-it-" + this.port + "@localhost"),
				Map.entry("RABBITMQ_NODE_IP_ADDRESS", HOST), Map.entry("RABBITMQ_NODE_PORT", String.valueOf(this.port)),
				Map.entry("RABBITMQ_DIST_PORT", String.valueOf(freePort())),
				Map.entry("RABBITMQ_MNESIA_BASE", folder.resolve("mnesia").toString()),
				Map.entry("RABBITMQ_LOG_BASE", folder.resolve("log").toString()),
				Map.entry("RABBITMQ_CONFIG_FILE", folder.resolve("rabbitmq").toString()),
				Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", folder.resolve("advanced.config").toString()),
				Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", folder.resolve("enabled_plugins").toString()),
				Map.entry("RABBITMQ_PID_FILE", folder.resolve("rabbitmq.pid").toString()),
				Map.entry("ERL_EPMD_PORT", String.valueOf(this.epmdPort)), Map.entry("ERL_EPMD_ADDRESS", HOST));
	}

	@Override
	void stop() throws Exception {
		try {
			if (this.process != null && this.process.isAlive()) {
				// The script execs the Erlang VM, which stops the node cleanly on SIGTERM.
				this.process.destroy();
				this.process.waitFor();
			}
		}
		finally {
			run(Duration.ofSeconds(30), Map.of("ERL_EPMD_PORT", String.valueOf(this.epmdPort)),
					List.of("epmd", "-kill"));
		}
	}

}
