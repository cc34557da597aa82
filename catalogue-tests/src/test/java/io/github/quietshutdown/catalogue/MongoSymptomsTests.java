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
package io.github.quietshutdown.catalogue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * MongoDB Java driver (version from the Spring Boot BOM) pointing at 127.0.0.1:1, where no
 * server runs: the client is really closed, or the calling thread really interrupted, and
 * then used.
 */
@ExtendWith(NoThreadLeaks.class)
class MongoSymptomsTests {

	@Test
	void findAfterTheClientClosed() {
		MongoClient client = client(10_000);
		MongoCollection<Document> collection = client.getDatabase("db").getCollection("things");
		client.close();
		IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
				() -> collection.find().first());
		assertThat(ex).hasMessage("state should be: open");
		assertSymptom(ex, "mongodb.client-closed");
	}

	@Test
	void findInterrupted() {
		try (MongoClient client = client(10_000)) {
			MongoCollection<Document> collection = client.getDatabase("db").getCollection("things");
			Thread.currentThread().interrupt();
			MongoInterruptedException ex;
			try {
				ex = catchThrowableOfType(MongoInterruptedException.class, () -> collection.find().first());
			}
			finally {
				Thread.interrupted();
			}
			assertSymptom(ex, "mongodb.interrupted");
		}
	}

	@Test
	void noServerIsARealFault() {
		try (MongoClient client = client(100)) {
			Throwable ex = catchThrowable(() -> client.getDatabase("db").getCollection("things").find().first());
			assertThat(ex).isInstanceOf(MongoTimeoutException.class);
			assertNotSymptom(ex);
		}
	}

	private static MongoClient client(long serverSelectionTimeoutMillis) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyToClusterSettings((cluster) -> cluster.hosts(List.of(new ServerAddress("127.0.0.1", 1)))
				.serverSelectionTimeout(serverSelectionTimeoutMillis, TimeUnit.MILLISECONDS))
			.build());
	}

}
