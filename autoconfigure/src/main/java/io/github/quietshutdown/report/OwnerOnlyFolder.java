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
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The checks that make the report's folder its owner's alone: created owner-only if
 * missing; then it must be a real folder (not a symbolic link), owned by the application's
 * user and not writable by group or others.
 *
 * @author Quiet Shutdown authors
 */
final class OwnerOnlyFolder {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	private OwnerOnlyFolder() {
	}

	// Why the folder must not be used, or null if it may.
	static String inspect(Path folder) throws IOException {
		if (!Files.exists(folder, NOFOLLOW)) {
			Files.createDirectories(folder.getParent());
			try {
				Files.createDirectory(folder, permissions("rwx------"));
			}
			catch (FileAlreadyExistsException ex) {
				// Created by someone else meanwhile: checked below like any existing folder.
			}
		}
		BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class, NOFOLLOW);
		if (attributes.isSymbolicLink()) {
			return "it is a symbolic link";
		}
		if (!attributes.isDirectory()) {
			return "it is not a directory";
		}
		UserPrincipal owner = Files.getOwner(folder, NOFOLLOW);
		Path probe;
		try {
			probe = Files.createTempFile(folder, ".probe", ".tmp", permissions("rw-------"));
		}
		catch (AccessDeniedException ex) {
			throw new AccessDeniedException(folder.toString(), null,
					"the application's user cannot create files in it (owner " + owner.getName() + ")");
		}
		try {
			UserPrincipal user = Files.getOwner(probe, NOFOLLOW);
			if (!owner.equals(user)) {
				return "it is owned by " + owner.getName() + ", not by the application's user " + user.getName();
			}
		}
		finally {
			Files.deleteIfExists(probe);
		}
		if (POSIX) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, NOFOLLOW);
			if (permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
				return "group or others can write to it (" + PosixFilePermissions.toString(permissions)
						+ "): make it writable by its owner only (chmod 700)";
			}
		}
		return null;
	}

	static FileAttribute<?>[] permissions(String permissions) {
		return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

}
