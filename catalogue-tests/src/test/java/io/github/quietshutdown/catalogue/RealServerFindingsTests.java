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

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The entries that the real-server tests of {@code integration-tests} found, each as the
 * application saw it there.
 */
class RealServerFindingsTests {

	@Test
	void postgresConnectionAbortedByThePool() {
		// Constructed: PgConnection needs a server. The message and state are checkClosed's.
		PSQLException closed = new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
		assertSymptom(new DataAccessResourceFailureException("could not execute statement", closed),
				"pgjdbc.connection-closed");
		assertNotSymptom(new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
	}

	@Test
	void rollbackOnAConnectionThatHikariClosed() throws Exception {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:real-server-findings");
		config.setMaximumPoolSize(1);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			Connection connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			connection.close();
			SQLException ex = catchThrowableOfType(SQLException.class, connection::rollback);
			assertThat(ex.getMessage()).isEqualTo("Connection is closed");
			assertSymptom(new JpaSystemException(
					new TransactionException("Unable to rollback against JDBC Connection", ex)), "hikari.connection-closed");
		}
	}

	@Test
	void statementInFlightWhenThePoolClosedItsSocket() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// What HikariPool's abort does to the socket of a connection in use: close it.
			Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
			InputStream in = socket.getInputStream();
			socket.close();
			SocketException ex = catchThrowableOfType(SocketException.class, in::read);
			assertThat(ex).hasMessage("Socket closed");
			PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
					PSQLState.CONNECTION_FAILURE, ex);
			assertSymptom(new JDBCConnectionException("could not execute statement", io), "jdk.socket-closed");
		}
		assertNotSymptom(new SocketException("Connection reset"));
	}

}
