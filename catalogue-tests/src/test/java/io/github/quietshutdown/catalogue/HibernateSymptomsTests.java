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

import jakarta.persistence.EntityManager;

import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.HibernateException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hibernate ORM (version from the Spring Boot BOM) over an in-memory H2 {@code DataSource},
 * as Spring Boot configures it: the {@code EntityManagerFactory} is really closed and then
 * used, directly and through Spring's {@link JpaTransactionManager}.
 */
@ExtendWith(NoThreadLeaks.class)
class HibernateSymptomsTests {

	private SessionFactory sessionFactory;

	@BeforeEach
	void buildSessionFactory() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:quiet-shutdown-jpa;DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		Configuration configuration = new Configuration();
		configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
		configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
		this.sessionFactory = configuration.buildSessionFactory();
	}

	@AfterEach
	void closeSessionFactory() {
		if (this.sessionFactory.isOpen()) {
			this.sessionFactory.close();
		}
	}

	@Test
	void createEntityManagerAfterTheFactoryClosed() {
		this.sessionFactory.close();
		IllegalStateException ex = catchThrowableOfType(IllegalStateException.class,
				this.sessionFactory::createEntityManager);
		assertThat(ex).hasMessage("EntityManagerFactory is closed");
		assertSymptom(ex, "hibernate.entity-manager-factory-closed");
	}

	@Test
	void springTransactionAfterTheFactoryClosed() {
		JpaTransactionManager transactionManager = new JpaTransactionManager(this.sessionFactory);
		this.sessionFactory.close();
		CannotCreateTransactionException ex = catchThrowableOfType(CannotCreateTransactionException.class,
				() -> transactionManager.getTransaction(new DefaultTransactionDefinition()));
		assertThat(ex).hasMessage("Could not open JPA EntityManager for transaction");
		assertSymptom(ex, "hibernate.entity-manager-factory-closed");
	}

	@Test
	void openEntityManagerUsedAfterTheFactoryClosed() {
		EntityManager entityManager = this.sessionFactory.createEntityManager();
		assertThat(entityManager.createNativeQuery("select 1").getSingleResult()).isNotNull();
		this.sessionFactory.close();
		Throwable ex = catchThrowable(() -> entityManager.createNativeQuery("select 1").getSingleResult());
		assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("Session/EntityManager is closed");
		assertSymptom(ex, "hibernate.session-closed");
	}

	@Test
	void connectionProviderUsedAfterTheFactoryClosed() {
		ConnectionProvider provider = this.sessionFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.getService(ConnectionProvider.class);
		assertThat(provider).isNotNull();
		this.sessionFactory.close();
		HibernateException ex = catchThrowableOfType(HibernateException.class, provider::getConnection);
		assertThat(ex).hasMessage("Provider is closed");
		assertSymptom(ex, "hibernate.connection-provider-closed");
	}

	@Test
	void otherHibernateFaultsStayVisible() {
		try (EntityManager entityManager = this.sessionFactory.createEntityManager()) {
			Throwable ex = catchThrowable(() -> entityManager.createNativeQuery("select * from no_such_table")
				.getResultList());
			assertThat(ex).isNotNull();
			assertNotSymptom(ex);
		}
	}

}
