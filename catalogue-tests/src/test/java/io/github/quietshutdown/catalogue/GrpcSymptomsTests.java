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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * gRPC Java (pinned) over the in-process transport: a real channel is shut down and then
 * used, or shut down now while a call is in flight.
 */
@ExtendWith(NoThreadLeaks.class)
class GrpcSymptomsTests {

	private static final MethodDescriptor.Marshaller<String> UTF8 = new MethodDescriptor.Marshaller<>() {

		@Override
		public InputStream stream(String value) {
			return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String parse(InputStream stream) {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	};

	private static final MethodDescriptor<String, String> HANG = MethodDescriptor.<String, String>newBuilder()
		.setType(MethodDescriptor.MethodType.UNARY)
		.setFullMethodName(MethodDescriptor.generateFullMethodName("quiet.Shutdown", "Hang"))
		.setRequestMarshaller(UTF8)
		.setResponseMarshaller(UTF8)
		.build();

	private final CountDownLatch callArrived = new CountDownLatch(1);

	private String name;

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		this.name = InProcessServerBuilder.generateName();
		ServerServiceDefinition service = ServerServiceDefinition.builder("quiet.Shutdown")
			.addMethod(HANG, ServerCalls.asyncUnaryCall((String request, StreamObserver<String> response) -> {
				// Never answers: the call stays in flight until the client gives up.
				this.callArrived.countDown();
			}))
			.build();
		this.server = InProcessServerBuilder.forName(this.name).directExecutor().addService(service).build().start();
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.server.shutdownNow();
		assertThat(this.server.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void callOnAShutDownChannel() throws InterruptedException {
		ManagedChannel channel = InProcessChannelBuilder.forName(this.name).directExecutor().build();
		channel.shutdown();
		StatusRuntimeException ex = catchThrowableOfType(StatusRuntimeException.class,
				() -> ClientCalls.blockingUnaryCall(channel, HANG, CallOptions.DEFAULT, "request"));
		assertThat(ex).hasMessage("UNAVAILABLE: Channel shutdown invoked");
		assertSymptom(ex, "grpc.channel-shutdown");
		assertSymptom(ex.getStatus().asException(), "grpc.channel-shutdown-checked");
		assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void callInFlightWhenTheChannelIsShutDownNow() throws InterruptedException {
		ManagedChannel channel = InProcessChannelBuilder.forName(this.name).directExecutor().build();
		ListenableFuture<String> response = ClientCalls.futureUnaryCall(channel.newCall(HANG, CallOptions.DEFAULT),
				"request");
		this.callArrived.await();
		channel.shutdownNow();
		ExecutionException ex = catchThrowableOfType(ExecutionException.class,
				() -> response.get(10, TimeUnit.SECONDS));
		assertThat(ex.getCause()).isInstanceOf(StatusRuntimeException.class)
			.hasMessage("UNAVAILABLE: Channel shutdownNow invoked");
		assertSymptom(ex, "grpc.channel-shutdown");
		assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void unavailableServerIsARealFault() throws InterruptedException {
		ManagedChannel channel = InProcessChannelBuilder.forName("no-such-server").directExecutor().build();
		try {
			StatusRuntimeException ex = catchThrowableOfType(StatusRuntimeException.class,
					() -> ClientCalls.blockingUnaryCall(channel, HANG, CallOptions.DEFAULT, "request"));
			assertThat(ex.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
			assertNotSymptom(ex);
		}
		finally {
			channel.shutdownNow();
			assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
