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
package io.github.quietshutdown.sample;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A business endpoint backed by the database: during the pre-stop delay it keeps
 * answering, while readiness already refuses traffic.
 *
 * @author Quiet Shutdown authors
 */
@RestController
class ReportsController {

	private final JdbcTemplate jdbc;

	ReportsController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/reports/count")
	long count() {
		Long count = this.jdbc.queryForObject("select count(*) from reports", Long.class);
		return (count != null) ? count : 0;
	}

}
