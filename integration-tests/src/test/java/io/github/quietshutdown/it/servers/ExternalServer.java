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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server started on 127.0.0.1 for the tests of this JVM: a random free port, its data in a
 * temporary folder, stopped and its folder deleted when the test run ends, also when a test
 * fails. A server that cannot start fails the test with the reason: it is never skipped.
 */
abstract class ExternalServer implements ExtensionContext.Store.CloseableResource {

	static final String HOST = "127.0.0.1";

	private final String name;

	private final Path directory;

	private final List<Process> processes = new ArrayList<>();

	private String version = "?";

	ExternalServer(String name) {
		this.name = name;
		try {
			this.directory = Files.createTempDirectory("quiet-shutdown-it-" + name.toLowerCase() + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the server and wait, with a deadline, until it accepts clients.
	 * @throws Exception if it cannot start; the message says why
	 */
	abstract void start() throws Exception;

	/**
	 * Stop the server, gracefully where possible.
	 * @throws Exception if it cannot be stopped
	 */
	abstract void stop() throws Exception;

	final void started(String version, String address) {
		this.version = version;
		// CI shows each server's version in the test output.
		System.out.printf("[integration-tests] %s %s started on %s (data in %s)%n", this.name, version, address,
				this.directory);
	}

	final String name() {
		return this.name;
	}

	final String version() {
		return this.version;
	}

	final Path directory() {
		return this.directory;
	}

	/**
	 * Start a process whose output goes to a file in the data folder.
	 * @param logName the name of that file
	 * @param environment extra environment variables
	 * @param command the command
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	final Process launch(String logName, Map<String, String> environment, List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve(logName).toFile())
			.directory(this.directory.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	/**
	 * Run a command to its end, with a deadline, and return its output.
	 * @param timeout the deadline
	 * @param environment extra environment variables
	 * @param command the command
	 * @return its output
	 * @throws Exception if it fails or does not end in time
	 */
	final String run(Duration timeout, Map<String, String> environment, List<String> command) throws Exception {
		Path output = Files.createTempFile(this.directory, "command-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.directory(this.directory.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					String.join(" ", command) + " did not end within " + timeout + ": " + Files.readString(output));
		}
		String text = Files.readString(output).trim();
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
		}
		return text;
	}

	/**
	 * Fail with the server's log when it has stopped or the deadline has passed.
	 * @param process the server process
	 * @param logName its log file
	 * @param deadline the deadline, in {@link System#nanoTime()}
	 */
	final void checkAlive(Process process, String logName, long deadline) {
		if (!process.isAlive() || System.nanoTime() - deadline > 0) {
			String log;
			try {
				log = Files.readString(this.directory.resolve(logName));
			}
			catch (IOException ex) {
				log = "(no log: " + ex + ")";
			}
			throw new IllegalStateException(this.name + (process.isAlive() ? " did not accept clients in time"
					: " exited with " + process.exitValue()) + "; its log:\n" + log);
		}
	}

	@Override
	public final void close() throws Exception {
		try {
			stop();
		}
		finally {
			for (Process process : this.processes) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
			deleteDirectory();
		}
	}

	private void deleteDirectory() throws IOException {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * Return a port that was free a moment ago on 127.0.0.1.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until a TCP port accepts connections on 127.0.0.1.
	 * @param port the port
	 * @return whether it did
	 */
	static boolean accepts(int port) {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(HOST, port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return this.name + " " + this.version;
	}

}
