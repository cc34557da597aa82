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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL from the machine's packages ({@code /usr/lib/postgresql/<version>/bin}):
 * {@code initdb} into a temporary folder and {@code postgres} on a free port of 127.0.0.1,
 * with trust authentication for the {@code postgres} user. PostgreSQL refuses to run as
 * root, so as root both run as the {@code postgres} user that the package creates.
 */
public final class PostgresServer extends ExternalServer {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final int port = freePort();

	private Path bin;

	private Process process;

	PostgresServer() {
		super("PostgreSQL");
	}

	/**
	 * Return the JDBC URL of the {@code postgres} database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/postgres";
	}

	/**
	 * Return the user name (no password: trust authentication).
	 * @return the user name
	 */
	public String username() {
		return "postgres";
	}

	@Override
	void start() throws Exception {
		this.bin = findBin();
		Path data = directory().resolve("data");
		if (isRoot()) {
			run(Duration.ofSeconds(30), Map.of(), List.of("chown", "-R", "postgres:postgres", directory().toString()));
		}
		run(Duration.ofSeconds(120), Map.of(), asPostgres(this.bin.resolve("initdb").toString(), "-D", data.toString(),
				"-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"));
		this.process = launch("postgres.log", Map.of(),
				asPostgres(this.bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
						String.valueOf(this.port), "-k", directory().toString(), "-c", "listen_addresses=" + HOST, "-c",
						"fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c",
						"max_connections=200"));
		long deadline = System.nanoTime() + STARTUP.toNanos();
		String version = null;
		while (version == null) {
			checkAlive(this.process, "postgres.log", deadline);
			version = queryVersion();
			if (version == null) {
				Thread.sleep(100);
			}
		}
		started(version, jdbcUrl());
	}

	private String queryVersion() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show server_version")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	void stop() throws Exception {
		if (this.process != null && this.process.isAlive()) {
			// Fast shutdown: do not wait for clients that a failed test left connected.
			run(Duration.ofSeconds(60), Map.of(), asPostgres(this.bin.resolve("pg_ctl").toString(), "-D",
					directory().resolve("data").toString(), "-m", "fast", "-w", "stop"));
		}
	}

	private List<String> asPostgres(String... command) {
		List<String> line = new ArrayList<>();
		if (isRoot()) {
			line.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
		}
		line.addAll(List.of(command));
		return line;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static Path findBin() throws IOException {
		Path root = Paths.get("/usr/lib/postgresql");
		Path newest = null;
		if (Files.isDirectory(root)) {
			try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
				for (Path version : versions) {
					Path bin = version.resolve("bin");
					if (Files.isExecutable(bin.resolve("postgres")) && (newest == null
							|| versionOf(version) > versionOf(newest.getParent()))) {
						newest = bin;
					}
				}
			}
		}
		if (newest == null) {
			throw new IllegalStateException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/postgres. "
					+ "Install it with 'apt-get install -y --no-install-recommends postgresql' (.ci/run does).");
		}
		return newest;
	}

	private static int versionOf(Path folder) {
		try {
			return Integer.parseInt(folder.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
