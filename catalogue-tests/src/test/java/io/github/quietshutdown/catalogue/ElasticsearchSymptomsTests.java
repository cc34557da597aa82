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

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Elasticsearch low-level {@link RestClient} and elasticsearch-java (versions from the Spring
 * Boot BOM) pointing at 127.0.0.1:1, where no server runs: the clients are really closed
 * and then used; a closed client fails before connecting.
 */
@ExtendWith(NoThreadLeaks.class)
class ElasticsearchSymptomsTests {

	@Test
	void performRequestAfterTheRestClientClosed() throws IOException {
		RestClient restClient = restClient();
		restClient.close();
		Throwable ex = catchThrowable(() -> restClient.performRequest(new Request("GET", "/")));
		assertThat(ex).isExactlyInstanceOf(RuntimeException.class).hasMessage("Request execution cancelled");
		assertSymptom(ex, "elasticsearch.rest-client-closed");
	}

	@Test
	void performRequestAsyncAfterTheRestClientClosed() throws Exception {
		RestClient restClient = restClient();
		restClient.close();
		CompletableFuture<Exception> failure = new CompletableFuture<>();
		restClient.performRequestAsync(new Request("GET", "/"), new ResponseListener() {

			@Override
			public void onSuccess(Response response) {
				failure.completeExceptionally(new AssertionError("Unexpected response " + response));
			}

			@Override
			public void onFailure(Exception exception) {
				failure.complete(exception);
			}

		});
		Exception ex = failure.get(10, TimeUnit.SECONDS);
		assertThat(ex).isInstanceOf(CancellationException.class).hasMessage("Request execution cancelled");
		assertSymptom(ex, "jdk.cancelled");
	}

	@Test
	void elasticsearchClientCallAfterTheTransportClosed() throws IOException {
		RestClient restClient = restClient();
		ElasticsearchClient client = new ElasticsearchClient(
				new RestClientTransport(restClient, new JacksonJsonpMapper()));
		client._transport().close();
		Throwable ex = catchThrowable(client::info);
		assertSymptom(ex, "elasticsearch.rest-client-closed");
	}

	@Test
	void addToAClosedBulkIngester() throws IOException {
		RestClient restClient = restClient();
		try {
			ElasticsearchClient client = new ElasticsearchClient(
					new RestClientTransport(restClient, new JacksonJsonpMapper()));
			BulkIngester<Void> ingester = BulkIngester.of((builder) -> builder.client(client));
			ingester.close();
			IllegalStateException ex = catchThrowableOfType(IllegalStateException.class, () -> ingester
				.add(BulkOperation.of((operation) -> operation.delete((delete) -> delete.index("index").id("1")))));
			assertThat(ex).hasMessage("Ingester has been closed");
			assertSymptom(ex, "elasticsearch.bulk-ingester-closed");
		}
		finally {
			restClient.close();
		}
	}

	@Test
	void connectionRefusedIsARealFault() throws IOException {
		try (RestClient restClient = restClient()) {
			Throwable ex = catchThrowable(() -> restClient.performRequest(new Request("GET", "/")));
			assertThat(ex).isInstanceOf(ConnectException.class);
			assertNotSymptom(ex);
		}
	}

	private static RestClient restClient() {
		return RestClient.builder(new HttpHost("127.0.0.1", 1, "http")).build();
	}

}
