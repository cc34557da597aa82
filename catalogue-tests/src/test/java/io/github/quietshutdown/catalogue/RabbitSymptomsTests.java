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

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.ShutdownSignalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.AmqpApplicationContextClosedException;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.DirectReplyToMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.exception.MessageRejectedWhileStoppingException;
import org.springframework.amqp.rabbit.support.RabbitExceptionTranslator;
import org.springframework.context.support.GenericApplicationContext;

import static io.github.quietshutdown.catalogue.Classification.assertLogRecordSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * RabbitMQ Java client and Spring AMQP (versions from the Spring Boot BOM). Spring AMQP's
 * exceptions are produced by really closing an application context that holds a
 * {@link CachingConnectionFactory} (pointing at 127.0.0.1:1, never connected). The Java
 * client's exceptions need an open broker connection, so they are constructed exactly as
 * {@code AMQConnection.close()} / {@code ChannelN.close()} build them.
 */
@ExtendWith(NoThreadLeaks.class)
class RabbitSymptomsTests {

	@Test
	void connectionUsedAfterTheApplicationClosedIt() {
		// Constructed like AMQConnection.close(200, "OK") -> startShutdown, then
		// AMQConnection.ensureIsOpen -> new AlreadyClosedException(getCloseReason()).
		ShutdownSignalException closed = new ShutdownSignalException(true, true,
				new AMQP.Connection.Close.Builder().replyCode(200).replyText("OK").build(), null);
		AlreadyClosedException ex = new AlreadyClosedException(closed);
		assertThat(ex).hasMessageStartingWith("connection is already closed due to clean connection shutdown");
		assertSymptom(ex, "rabbitmq.already-closed");
		assertSymptom(closed, "rabbitmq.clean-shutdown");
		// As RabbitTemplate surfaces it.
		RuntimeException translated = RabbitExceptionTranslator.convertRabbitAccessException(ex);
		assertThat(translated).isInstanceOf(AmqpConnectException.class);
		assertSymptom(translated, "rabbitmq.already-closed");
	}

	@Test
	void channelUsedAfterTheApplicationClosedIt() {
		// Constructed like ChannelN.close(200, "OK", true, ...), then AMQChannel.ensureIsOpen.
		ShutdownSignalException closed = new ShutdownSignalException(false, true,
				new AMQP.Channel.Close.Builder().replyCode(200).replyText("OK").build(), null);
		AlreadyClosedException ex = new AlreadyClosedException(closed);
		assertThat(ex).hasMessageStartingWith("channel is already closed due to clean channel shutdown");
		assertSymptom(ex, "rabbitmq.already-closed");
	}

	@Test
	void connectionClosedByTheBrokerIsNotALocalShutdown() {
		ShutdownSignalException forced = new ShutdownSignalException(true, false,
				new AMQP.Connection.Close.Builder().replyCode(320)
					.replyText("CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'")
					.build(),
				null);
		assertThat(forced).hasMessageStartingWith("connection error; protocol method: #method<connection.close>");
		assertNotSymptom(forced);
		assertNotSymptom(new AlreadyClosedException(forced));
	}

	@Test
	void createConnectionAfterTheContextClosed() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(CachingConnectionFactory.class, () -> new CachingConnectionFactory("127.0.0.1", 1));
		context.refresh();
		CachingConnectionFactory connectionFactory = context.getBean(CachingConnectionFactory.class);
		context.close();
		AmqpApplicationContextClosedException ex = catchThrowableOfType(AmqpApplicationContextClosedException.class,
				connectionFactory::createConnection);
		assertThat(ex).hasMessage(
				"The ApplicationContext is closed and the ConnectionFactory can no longer create connections.");
		assertSymptom(ex, "spring-amqp.context-closed");
		Throwable send = catchThrowable(() -> new RabbitTemplate(connectionFactory).convertAndSend("queue", "payload"));
		assertSymptom(send, "spring-amqp.context-closed");
	}

	@Test
	void directReplyToContainerNotRunning() {
		// The real container: getChannelHolder() on a container that is not running, as after
		// its SmartLifecycle stop().
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 1);
		try {
			DirectReplyToMessageListenerContainer container = new DirectReplyToMessageListenerContainer(
					connectionFactory);
			IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
					container::getChannelHolder);
			assertThat(ex).hasMessage("Direct reply-to container is not running");
			assertSymptom(ex, "spring-amqp.direct-reply-to-stopped");
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void connectionRefusedIsARealFault() {
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 1);
		try {
			Throwable ex = catchThrowable(connectionFactory::createConnection);
			assertThat(ex).isInstanceOf(AmqpConnectException.class);
			assertNotSymptom(ex);
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void listenerContainerStoppedRecordsAndRejection() {
		assertLogRecordSymptom("org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer",
				"Rejecting received message(s) because the listener container has been stopped: (Body:'[B@5e2de80c(byte[5])' "
						+ "MessageProperties [headers={}, contentLength=0, redelivered=false, receivedRoutingKey=orders])",
				"spring-amqp.listener-stopped-rejecting");
		assertLogRecordSymptom("org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer",
				"Interrupted waiting for workers.  Continuing with shutdown.", "spring-amqp.shutdown-wait-interrupted");
		assertLogRecordSymptom("org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer",
				"Interrupted waiting for consumers. Continuing with shutdown.", "spring-amqp.shutdown-wait-interrupted");
		assertLogRecordSymptom("org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer",
				"Application context is closed, terminating", "spring-amqp.listener-context-closed");
		// The exception the container throws after the record, with the library's own message.
		MessageRejectedWhileStoppingException ex = new MessageRejectedWhileStoppingException();
		assertThat(ex).hasMessage("Message listener container was stopping when a message was received");
		assertSymptom(ex, "spring-amqp.message-rejected-while-stopping");
	}
}
