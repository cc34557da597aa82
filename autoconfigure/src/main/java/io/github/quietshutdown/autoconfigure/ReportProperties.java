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
package io.github.quietshutdown.autoconfigure;

import java.nio.file.Path;

/**
 * The shutdown report, that is the summary line, the report file and the endpoint: the
 * {@code quiet-shutdown.report.*} properties.
 *
 * @author Quiet Shutdown authors
 */
public class ReportProperties {

	/**
	 * Whether to show exception messages in the report file and the endpoint. They may
	 * carry data, such as a JDBC URL or a key.
	 */
	private boolean showMessages;

	private final ReportFile file = new ReportFile();

	public boolean isShowMessages() {
		return this.showMessages;
	}

	public void setShowMessages(boolean showMessages) {
		this.showMessages = showMessages;
	}

	public ReportFile getFile() {
		return this.file;
	}

	/**
	 * The report file, written at the end of shutdown and read at the next start.
	 */
	public static class ReportFile {

		/**
		 * Whether to write the report file.
		 */
		private boolean enabled = true;

		/**
		 * Location of the report file. Defaults to a file named after the application
		 * ('spring.application.name', else the main class, and a hash of both) in a
		 * folder of the application's user: '$XDG_STATE_HOME/quiet-shutdown', else
		 * '~/.local/state/quiet-shutdown', else 'quiet-shutdown-<user>' in the system
		 * temp folder. A location that cannot be written fails startup.
		 */
		private Path location;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Path getLocation() {
			return this.location;
		}

		public void setLocation(Path location) {
			this.location = location;
		}

	}

}
