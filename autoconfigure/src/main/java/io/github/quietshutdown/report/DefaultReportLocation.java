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
package io.github.quietshutdown.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Where the report file is when no location is configured: a folder of the application's
 * user, and a file name of the application.
 * <p>
 * The folder is the first of {@code $XDG_STATE_HOME/quiet-shutdown} (when set to an
 * absolute path), {@code ~/.local/state/quiet-shutdown} (when the home folder exists and
 * is not the root folder) and {@code <java.io.tmpdir>/quiet-shutdown-<user>} that can be
 * created, so that a read-only home folder falls back to the temp folder. The file is
 * named {@code <label>-<hash>.json}: the label is {@code spring.application.name}, else the
 * simple name of the main class; the hash, of both, tells apart applications that share a
 * label.
 *
 * @author Quiet Shutdown authors
 */
public final class DefaultReportLocation {

	private static final String FOLDER = "quiet-shutdown";

	private DefaultReportLocation() {
	}

	/**
	 * Return the default location of the report of an application.
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @param mainClassName the main application class, or {@code null} if unknown
	 * @return the location
	 */
	public static Path of(String applicationName, String mainClassName) {
		return of(applicationName, mainClassName, System::getenv, System::getProperty);
	}

	static Path of(String applicationName, String mainClassName, UnaryOperator<String> environment,
			UnaryOperator<String> systemProperties) {
		return folder(environment, systemProperties).resolve(fileName(applicationName, mainClassName));
	}

	static Path folder(UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
		String state = environment.apply("XDG_STATE_HOME");
		if (hasText(state) && Path.of(state).isAbsolute() && canCreate(Path.of(state, FOLDER))) {
			return Path.of(state, FOLDER);
		}
		String home = systemProperties.apply("user.home");
		if (hasText(home) && Path.of(home).isAbsolute() && Path.of(home).getNameCount() > 0
				&& Files.isDirectory(Path.of(home), LinkOption.NOFOLLOW_LINKS)
				&& canCreate(Path.of(home, ".local", "state", FOLDER))) {
			return Path.of(home, ".local", "state", FOLDER);
		}
		String user = systemProperties.apply("user.name");
		return Path.of(systemProperties.apply("java.io.tmpdir"), FOLDER + "-" + sanitize(hasText(user) ? user : "user"));
	}

	// Whether the folder exists or its nearest existing ancestor is a folder the user can
	// write, as in a container whose root file system is read-only but for the temp folder.
	private static boolean canCreate(Path folder) {
		Path existing = folder;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		return existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
	}

	static String fileName(String applicationName, String mainClassName) {
		String label;
		if (hasText(applicationName)) {
			label = applicationName.strip();
		}
		else if (hasText(mainClassName)) {
			label = mainClassName.substring(mainClassName.lastIndexOf('.') + 1);
		}
		else {
			label = "application";
		}
		String identity = (hasText(applicationName) ? applicationName.strip() : "") + "\n"
				+ (hasText(mainClassName) ? mainClassName : "");
		String safe = sanitize(label);
		return ((safe.length() > 48) ? safe.substring(0, 48) : safe) + "-" + hash(identity) + ".json";
	}

	private static String hash(String identity) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	private static String sanitize(String text) {
		return text.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
