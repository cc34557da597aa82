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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis from the machine's packages ({@code redis-server}) on a free port of 127.0.0.1,
 * without persistence, its working folder temporary.
 */
public final class RedisServer extends ExternalServer {

	private static final Duration STARTUP = Duration.ofSeconds(30);

	private static final Pattern VERSION = Pattern.compile("v=(\\S+)");

	private final int port = freePort();

	private Process process;

	RedisServer() {
		super("Redis");
	}

	/**
	 * Return the port.
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
		String executable = executable();
		Matcher version = VERSION.matcher(run(Duration.ofSeconds(30), Map.of(), List.of(executable, "--version")));
		this.process = launch("redis.log", Map.of(),
				List.of(executable, "--port", String.valueOf(this.port), "--bind", HOST, "--dir",
						directory().toString(), "--save", "", "--appendonly", "no", "--daemonize", "no",
						"--protected-mode", "yes", "--maxclients", "1000"));
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!accepts(this.port)) {
			checkAlive(this.process, "redis.log", deadline);
			Thread.sleep(50);
		}
		started(version.find() ? version.group(1) : "?", HOST + ":" + this.port);
	}

	@Override
	void stop() throws Exception {
		if (this.process != null && this.process.isAlive()) {
			// SIGTERM: Redis exits at once (nothing to save).
			this.process.destroy();
			this.process.waitFor();
		}
	}

	private static String executable() {
		for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
			Path path = Paths.get(candidate);
			if (Files.isExecutable(path)) {
				return candidate;
			}
		}
		throw new IllegalStateException("Redis is not installed: no redis-server in /usr/bin or /usr/local/bin. "
				+ "Install it with 'apt-get install -y --no-install-recommends redis-server' (.ci/run does).");
	}

}
