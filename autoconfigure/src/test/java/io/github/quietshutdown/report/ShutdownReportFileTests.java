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
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The report file against another local user: a folder or link planted before the
 * application starts, a folder others can write, a file too large to read or malformed.
 * <p>
 * Ownership needs a second user: the tests that plant as one run a real process as
 * {@code nobody} through {@code setpriv}, and run only as root on Linux (as CI does).
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(OutputCaptureExtension.class)
class ShutdownReportFileTests {

	private static final Map<String, Object> REPORT = Map.of("phase", "CLOSED", "owner", "me");

	@TempDir
	Path temp;

	@Test
	void ownReportRoundTripsInAnOwnerOnlyFolder() throws IOException {
		ShutdownReportFile file = new ShutdownReportFile(this.temp.resolve("reports/app.json"));
		file.write(REPORT);
		assertThat(file.read()).isEqualTo(REPORT);
		assertThat(permissions(this.temp.resolve("reports"))).isEqualTo("rwx------");
		assertThat(permissions(this.temp.resolve("reports/app.json"))).isEqualTo("rw-------");
		assertThat(Files.list(this.temp.resolve("reports"))).containsExactly(this.temp.resolve("reports/app.json"));
	}

	@Test
	void symbolicLinkAtTheReportNameIsNeitherReadNorFollowedOnWrite(CapturedOutput output) throws IOException {
		Path folder = Files.createDirectory(this.temp.resolve("reports"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path secret = Files.writeString(this.temp.resolve("secret.json"), "{\"phase\":\"CLOSED\",\"secret\":\"root only\"}");
		Files.createSymbolicLink(folder.resolve("app.json"), secret);
		ShutdownReportFile file = new ShutdownReportFile(folder.resolve("app.json"));
		assertThat(file.read()).isNull();
		assertThat(output).containsOnlyOnce("Ignoring the previous shutdown report").contains("it is a symbolic link");
		file.write(REPORT);
		assertThat(Files.readString(secret)).contains("root only");
		assertThat(Files.isSymbolicLink(folder.resolve("app.json"))).isFalse();
		assertThat(file.read()).isEqualTo(REPORT);
	}

	@Test
	void folderPlantedByAnotherUserIsRefused(CapturedOutput output) throws Exception {
		Path shared = sharedTemp();
		Path secret = Files.writeString(this.temp.resolve("secret.json"), "{\"phase\":\"CLOSED\",\"secret\":\"root only\"}");
		asNobody("mkdir -m 755 " + shared.resolve("quiet") + " && ln -s " + secret + " " + shared.resolve("quiet/app.json"));
		assertThat(Files.getOwner(shared.resolve("quiet"), LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("nobody");
		ShutdownReportFile file = new ShutdownReportFile(shared.resolve("quiet/app.json"));
		assertThat(file.read()).isNull();
		file.write(REPORT);
		assertThat(output).containsOnlyOnce("Not using the shutdown report folder")
			.contains("it is owned by nobody, not by the application's user root")
			.doesNotContain("root only");
		assertThat(Files.isSymbolicLink(shared.resolve("quiet/app.json"))).isTrue();
		assertThat(Files.readString(secret)).contains("root only");
	}

	@Test
	void symbolicLinkPlantedByAnotherUserAsTheFolderIsRefused(CapturedOutput output) throws Exception {
		Path shared = sharedTemp();
		asNobody("mkdir -m 700 " + shared.resolve("target") + " && ln -s " + shared.resolve("target") + " "
				+ shared.resolve("quiet"));
		ShutdownReportFile file = new ShutdownReportFile(shared.resolve("quiet/app.json"));
		file.write(REPORT);
		assertThat(file.read()).isNull();
		assertThat(output).containsOnlyOnce("Not using the shutdown report folder").contains("it is a symbolic link");
		assertThat(Files.list(shared.resolve("target"))).isEmpty();
	}

	@Test
	void folderOthersCanWriteIsRefused(CapturedOutput output) throws IOException {
		Path folder = Files.createDirectory(this.temp.resolve("reports"));
		Files.writeString(folder.resolve("app.json"), "{\"phase\":\"CLOSED\",\"forged\":true}");
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
		ShutdownReportFile file = new ShutdownReportFile(folder.resolve("app.json"));
		assertThat(file.read()).isNull();
		file.write(REPORT);
		assertThat(output).containsOnlyOnce("Not using the shutdown report folder")
			.contains("group or others can write to it (rwxrwxrwx): make it writable by its owner only (chmod 700)");
		assertThat(Files.readString(folder.resolve("app.json"))).contains("forged");
	}

	@Test
	void reportLargerThanOneMebibyteIsIgnoredWithOneWarning(CapturedOutput output) throws IOException {
		Path report = this.temp.resolve("reports/app.json");
		ShutdownReportFile file = new ShutdownReportFile(report);
		file.write(REPORT);
		try (RandomAccessFile sparse = new RandomAccessFile(report.toFile(), "rw")) {
			sparse.setLength(2L * 1024 * 1024 * 1024);
		}
		assertThat(file.read()).isNull();
		assertThat(output).containsOnlyOnce("Ignoring the previous shutdown report")
			.contains("it is larger than 1048576 bytes (2147483648 bytes)");
	}

	@Test
	void malformedReportIsIgnoredWithOneWarning(CapturedOutput output) throws IOException {
		Path report = this.temp.resolve("reports/app.json");
		ShutdownReportFile file = new ShutdownReportFile(report);
		file.write(REPORT);
		Files.writeString(report, "{\"phase\":\"CLOS");
		assertThat(file.read()).isNull();
		assertThat(output).containsOnlyOnce("Ignoring the previous shutdown report").contains("it is not a valid report");
	}

	@Test
	void missingReportIsAbsentWithoutWarning(CapturedOutput output) {
		assertThat(new ShutdownReportFile(this.temp.resolve("reports/app.json")).read()).isNull();
		assertThat(output).doesNotContain("WARN");
	}

	// A sticky, world-writable folder like /tmp, inside this test's own folder.
	private Path sharedTemp() throws IOException {
		assumeThat(System.getProperty("user.name")).as("planting as another user needs root").isEqualTo("root");
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwx--x--x"));
		Path shared = Files.createDirectory(this.temp.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Files.setAttribute(shared, "unix:mode", 01777);
		return shared;
	}

	private static void asNobody(String command) throws Exception {
		Process process = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "sh", "-c",
				command)
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes());
		assertThat(process.exitValue()).as(out).isZero();
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
