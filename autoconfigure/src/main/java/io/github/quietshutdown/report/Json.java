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

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.util.ClassUtils;

/**
 * Writes and reads the report as JSON with what the application already has, as Spring Boot
 * does on each line: Spring Boot's {@link JsonWriter} to write; to read, Jackson 3 when
 * present (Spring Boot 4's default), else Spring Boot's {@link JsonParserFactory} (Jackson 2,
 * Gson, or its basic parser, which does not restore every escape).
 *
 * @author Quiet Shutdown authors
 */
public final class Json {

	private static final String JACKSON_3 = "tools.jackson.databind.ObjectMapper";

	private Json() {
	}

	/**
	 * Write a map as JSON.
	 * @param map the map
	 * @return the JSON text
	 */
	public static String write(Map<String, Object> map) {
		return JsonWriter.standard().writeToString(map);
	}

	/**
	 * Parse a JSON object.
	 * @param json the JSON text
	 * @return the map
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseMap(String json) {
		ClassLoader classLoader = Json.class.getClassLoader();
		if (ClassUtils.isPresent(JACKSON_3, classLoader)) {
			try {
				Class<?> type = ClassUtils.forName(JACKSON_3, classLoader);
				Object mapper = type.getConstructor().newInstance();
				Method readValue = type.getMethod("readValue", String.class, Class.class);
				return (Map<String, Object>) readValue.invoke(mapper, json, Map.class);
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				throw new IllegalArgumentException("Cannot parse JSON", ex);
			}
		}
		return JsonParserFactory.getJsonParser().parseMap(json);
	}

}
