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

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.DefaultConnectingIOReactor;
import org.apache.hc.core5.reactor.IOReactorShutdownException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Apache HttpClient 4.5 (pinned) and 5.x (version from the Spring Boot BOM): the connection
 * managers, clients and I/O reactors are really closed and then used. No request reaches the
 * network: a closed pool fails before connecting.
 */
@ExtendWith(NoThreadLeaks.class)
class HttpClientSymptomsTests {

	private static final String URL = "http://127.0.0.1:1/";

	@Nested
	class HttpClient4 {

		@Test
		void executeAfterThePoolingConnectionManagerShutDown() throws Exception {
			PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager();
			try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager).build()) {
				manager.shutdown();
				IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
						() -> client.execute(new HttpGet(URL)));
				assertThat(ex).hasMessage("Connection pool shut down");
				assertSymptom(ex, "httpclient.pool-shut-down");
			}
		}

		@Test
		void executeAfterTheClientClosed() throws Exception {
			CloseableHttpClient client = HttpClients.createDefault();
			client.close();
			Throwable ex = catchThrowable(() -> client.execute(new HttpGet(URL)));
			assertSymptom(ex, "httpclient.pool-shut-down");
		}

		@Test
		void executeAfterTheBasicConnectionManagerShutDown() throws Exception {
			BasicHttpClientConnectionManager manager = new BasicHttpClientConnectionManager();
			try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager).build()) {
				manager.shutdown();
				IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
						() -> client.execute(new HttpGet(URL)));
				assertThat(ex).hasMessage("Connection manager has been shut down");
				assertSymptom(ex, "httpclient.connection-manager-shut-down");
			}
		}

		@Test
		void connectionRefusedIsARealFault() throws Exception {
			try (CloseableHttpClient client = HttpClients.createDefault()) {
				Throwable ex = catchThrowable(() -> client.execute(new HttpGet(URL)));
				assertThat(ex).isInstanceOf(java.net.ConnectException.class);
				assertNotSymptom(ex);
			}
		}

	}

	// HttpCore NIO 4.4 (HttpAsyncClient 4.1), as the Elasticsearch RestClient brings it.
	@Nested
	class HttpAsyncClient4 {

		@Test
		void connectOnAShutDownIOReactor() throws Exception {
			org.apache.http.impl.nio.reactor.DefaultConnectingIOReactor reactor = new org.apache.http.impl.nio.reactor.DefaultConnectingIOReactor();
			reactor.shutdown();
			IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
					() -> reactor.connect(new InetSocketAddress("127.0.0.1", 1), null, null, null));
			assertThat(ex).hasMessage("I/O reactor has been shut down");
			assertSymptom(ex, "httpclient.io-reactor-shut-down-legacy");
		}

	}

	@Nested
	class HttpClient5 {

		@Test
		void executeAfterThePoolingConnectionManagerClosed() throws Exception {
			org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager manager = PoolingHttpClientConnectionManagerBuilder
				.create()
				.build();
			try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client = org.apache.hc.client5.http.impl.classic.HttpClients
				.custom()
				.setConnectionManager(manager)
				.build()) {
				manager.close();
				Throwable ex = catchThrowable(() -> client.execute(
						new org.apache.hc.client5.http.classic.methods.HttpGet(URL), (response) -> response.getCode()));
				assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("Connection pool shut down");
				assertSymptom(ex, "httpclient.pool-shut-down");
			}
		}

		@Test
		void executeAfterTheBasicConnectionManagerClosed() throws Exception {
			org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager manager = new org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager();
			try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client = org.apache.hc.client5.http.impl.classic.HttpClients
				.custom()
				.setConnectionManager(manager)
				.build()) {
				manager.close();
				Throwable ex = catchThrowable(() -> client.execute(
						new org.apache.hc.client5.http.classic.methods.HttpGet(URL), (response) -> response.getCode()));
				assertThat(ex).isInstanceOf(IllegalStateException.class)
					.hasMessage("Connection manager has been shut down");
				assertSymptom(ex, "httpclient.connection-manager-shut-down");
			}
		}

		@Test
		void executeOnAClosedAsyncClient() throws Exception {
			CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();
			client.start();
			client.close(CloseMode.GRACEFUL);
			client.awaitShutdown(TimeValue.ofSeconds(10));
			SimpleHttpRequest request = SimpleRequestBuilder.get(URL).build();
			ExecutionException ex = catchThrowableOfType(ExecutionException.class,
					() -> client.execute(request, null).get(10, TimeUnit.SECONDS));
			assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("Connection pool shut down");
			assertSymptom(ex, "httpclient.pool-shut-down");
		}

		@Test
		void connectOnAShutDownIOReactor() throws Exception {
			DefaultConnectingIOReactor reactor = new DefaultConnectingIOReactor((session, attachment) -> null);
			reactor.start();
			reactor.close(CloseMode.GRACEFUL);
			reactor.awaitShutdown(TimeValue.ofSeconds(10));
			IOReactorShutdownException ex = catchThrowableOfType(IOReactorShutdownException.class,
					() -> reactor.connect(new HttpHost("127.0.0.1", 1), new InetSocketAddress("127.0.0.1", 1), null,
							Timeout.ofSeconds(1), null, null));
			assertThat(ex).hasMessage("I/O reactor has been shut down");
			assertSymptom(ex, "httpclient.io-reactor-shut-down");
		}

	}

	// What an async client's closing I/O session fails its queued requests with
	// (CommandSupport.cancelCommands): the library's class and default message.
	@Test
	void requestNotExecutedBecauseTheSessionClosed() {
		org.apache.hc.core5.http.RequestNotExecutedException ex = new org.apache.hc.core5.http.RequestNotExecutedException();
		assertThat(ex).hasMessage("Connection is closed");
		assertSymptom(ex, "httpclient.request-not-executed");
		assertNotSymptom(new org.apache.hc.core5.http.ConnectionClosedException("Connection is closed"));
	}
}
