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

import java.util.ArrayList;
import java.util.List;

/**
 * Which exceptions count as shutdown symptoms: the {@code quiet-shutdown.symptoms.*}
 * properties.
 *
 * @author Quiet Shutdown authors
 */
public class SymptomsProperties {

	/**
	 * Signatures to add to the shipped catalogue.
	 */
	private List<Signature> extra = new ArrayList<>();

	/**
	 * Ids of shipped signatures to ignore. An entry ending with '.*', such as
	 * 'kafka.*', ignores every signature whose id starts with what precedes the '*'.
	 */
	private List<String> exclude = new ArrayList<>();

	public List<Signature> getExtra() {
		return this.extra;
	}

	public void setExtra(List<Signature> extra) {
		this.extra = extra;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

	/**
	 * A symptom signature added from configuration.
	 */
	public static class Signature {

		/**
		 * Unique id of the signature, used in logs and to exclude it. Defaults to
		 * 'extra.' followed by the position in the list.
		 */
		private String id;

		/**
		 * Fully qualified class name of the exception. Subclasses match too, unless the name
		 * is prefixed with '='. The class need not be on the classpath. Required unless
		 * 'logger' is set.
		 */
		private String type;

		/**
		 * Regular expression that must be found in the exception message. Empty to match
		 * any message. With 'logger', required: it is found in the formatted message of the
		 * log record.
		 */
		private String message;

		/**
		 * Name of the logger (its children match too) of WARN and ERROR log records without
		 * an exception that this signature matches, instead of an exception type.
		 */
		private String logger;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getMessage() {
			return this.message;
		}

		public void setMessage(String message) {
			this.message = message;
		}

		public String getLogger() {
			return this.logger;
		}

		public void setLogger(String logger) {
			this.logger = logger;
		}

	}

}
