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
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The shutdown report as a JSON file that only its owner controls (see
 * {@link ShutdownReportJson}).
 * <p>
 * Before first use the folder is created owner-only if missing, then checked: it must be
 * a real folder (not a symbolic link), owned by the application's user and not writable
 * by group or others. Otherwise one WARN says why and no report is read or written. A
 * symbolic link at the file's name is never followed; the file is written to a temporary
 * file in the same folder and moved into place atomically; at most {@link #MAX_SIZE}
 * bytes are read, and a larger or malformed file counts as absent, with one WARN.
 *
 * @author Quiet Shutdown authors
 */
public final class ShutdownReportFile {

	/**
	 * Largest report read, in bytes.
	 */
	public static final int MAX_SIZE = 1024 * 1024;

	private static final Log logger = LogFactory.getLog(ShutdownReportFile.class);

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	private static final String HINT = " (set quiet-shutdown.report.file.location to a folder of the application's "
			+ "user, or quiet-shutdown.report.file.enabled=false)";

	private final Path location;

	private Boolean usable;

	/**
	 * Create a new report file.
	 * @param location where the file is
	 */
	public ShutdownReportFile(Path location) {
		this.location = location.toAbsolutePath().normalize();
	}

	/**
	 * Return where the file is.
	 * @return the location
	 */
	public Path getLocation() {
		return this.location;
	}

	/**
	 * Create the folder, owner-only, if it is missing and check that only the
	 * application's user controls it. Done once; later calls return the first answer.
	 * @return {@code true} if the folder can be used, {@code false} if it cannot and a WARN
	 * said why
	 * @throws IOException if the folder cannot be created or written
	 */
	public synchronized boolean prepare() throws IOException {
		if (this.usable == null) {
			String refusal = OwnerOnlyFolder.inspect(folder());
			if (refusal != null) {
				logger.warn("Not using the shutdown report folder " + folder() + ": " + refusal
						+ "; no shutdown report is read or written" + HINT);
			}
			this.usable = refusal == null;
		}
		return this.usable;
	}

	/**
	 * Write a report, replacing the previous one. Nothing is written if the folder is not
	 * the application user's alone.
	 * @param report the report
	 * @throws IOException on failure
	 */
	public void write(ShutdownReport report) throws IOException {
		write(ShutdownReportJson.write(report));
	}

	/**
	 * Write a report document, as another version of the starter may have written it,
	 * replacing the previous one.
	 * @param document the report as a document
	 * @throws IOException on failure
	 */
	public void write(Map<String, Object> document) throws IOException {
		write(ShutdownReportJson.write(document));
	}

	private void write(String json) throws IOException {
		if (!isUsable()) {
			return;
		}
		// A new file (O_EXCL) in the owner's folder; the move replaces whatever is at the
		// name, a symbolic link included, without following it.
		Path temporary = Files.createTempFile(folder(), "." + this.location.getFileName(), ".tmp",
				OwnerOnlyFolder.permissions("rw-------"));
		try {
			Files.writeString(temporary, json, StandardCharsets.UTF_8);
			Files.move(temporary, this.location, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Read the report, if there is one.
	 * @return the report, or {@code null} if there is none or it cannot be trusted (a WARN
	 * says why)
	 */
	public Map<String, Object> read() {
		if (!isUsable()) {
			return null;
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.location, BasicFileAttributes.class, NOFOLLOW);
			if (!attributes.isRegularFile()) {
				return ignore(attributes.isSymbolicLink() ? "it is a symbolic link" : "it is not a regular file");
			}
			try (SeekableByteChannel channel = Files.newByteChannel(this.location, StandardOpenOption.READ, NOFOLLOW)) {
				if (channel.size() > MAX_SIZE) {
					return ignore("it is larger than " + MAX_SIZE + " bytes (" + channel.size() + " bytes)");
				}
				InputStream input = Channels.newInputStream(channel);
				byte[] content = input.readNBytes(MAX_SIZE + 1);
				if (content.length > MAX_SIZE) {
					return ignore("it is larger than " + MAX_SIZE + " bytes");
				}
				return parse(new String(content, StandardCharsets.UTF_8));
			}
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			return ignore("it cannot be read (" + ex + ")");
		}
	}

	private boolean isUsable() {
		try {
			return prepare();
		}
		catch (IOException ex) {
			synchronized (this) {
				if (this.usable == null) {
					logger.warn("Not using the shutdown report folder " + folder() + ": it cannot be created or written ("
							+ ex + "); no shutdown report is read or written" + HINT);
					this.usable = false;
				}
			}
			return false;
		}
	}

	private Map<String, Object> parse(String content) {
		try {
			return ShutdownReportJson.read(content);
		}
		catch (RuntimeException ex) {
			return ignore("it is not a valid report (" + ex.getMessage() + ")");
		}
	}

	private Map<String, Object> ignore(String reason) {
		logger.warn("Ignoring the previous shutdown report " + this.location + ": " + reason);
		return null;
	}

	private Path folder() {
		return this.location.getParent();
	}

}
