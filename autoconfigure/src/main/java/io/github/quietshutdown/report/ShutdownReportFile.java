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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The shutdown report as a JSON file, readable by its owner only, written atomically at
 * the end of shutdown and read at the next start, as {@link Json}.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownReportFile {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path location;

	/**
	 * Create a new report file.
	 * @param location where the file is
	 */
	public ShutdownReportFile(Path location) {
		this.location = location;
	}

	/**
	 * Return the default location: {@code quiet-shutdown/<name>.json} in the system temp
	 * folder.
	 * @param applicationName the application name
	 * @return the location
	 */
	public static Path defaultLocation(String applicationName) {
		String name = applicationName.replaceAll("[^A-Za-z0-9._-]", "_");
		return Path.of(System.getProperty("java.io.tmpdir"), "quiet-shutdown", name + ".json");
	}

	/**
	 * Return where the file is.
	 * @return the location
	 */
	public Path getLocation() {
		return this.location;
	}

	/**
	 * Write a report, replacing the previous one.
	 * @param report the report
	 * @throws IOException on failure
	 */
	public void write(Map<String, Object> report) throws IOException {
		Path directory = this.location.toAbsolutePath().getParent();
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory, ownerOnly("rwx------"));
		}
		Path temporary = Files.createTempFile(directory, this.location.getFileName().toString(), ".tmp",
				ownerOnly("rw-------"));
		try {
			Files.writeString(temporary, Json.write(report), StandardCharsets.UTF_8);
			Files.move(temporary, this.location, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Read the report, if there is one.
	 * @return the report, or {@code null} if there is no readable report
	 */
	public Map<String, Object> read() {
		try {
			if (!Files.isRegularFile(this.location)) {
				return null;
			}
			return Json.parseMap(Files.readString(this.location, StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

}
