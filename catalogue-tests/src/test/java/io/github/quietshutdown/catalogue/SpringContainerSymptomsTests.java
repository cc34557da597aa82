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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.ClassPathXmlApplicationContext;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Spring's own container (the version of the Spring Boot BOM): lookups of beans during and
 * after the destruction of the singletons, through a real context.
 */
@ExtendWith(NoThreadLeaks.class)
class SpringContainerSymptomsTests {

	@Test
	void lazyBeanCreatedAfterDestructionNeedsAnInfrastructureBeanThatIsGone() {
		AnnotationConfigApplicationContext context = contextWithInfrastructure();
		ObjectProvider<Worker> workers = context.getBeanProvider(Worker.class);
		context.close();
		Throwable ex = catchThrowable(workers::getObject);
		assertThat(ex).isInstanceOf(UnsatisfiedDependencyException.class)
			.isInstanceOf(BeanCreationException.class)
			.hasRootCauseInstanceOf(NoSuchBeanDefinitionException.class)
			.hasMessageContaining("No qualifying bean of type '" + Infrastructure.class.getName() + "' available: "
					+ "expected at least 1 bean which qualifies as autowire candidate");
		assertSymptom(ex, "spring.bean-gone-after-destruction");
	}

	@Test
	void lookupByNameAfterDestruction() {
		AnnotationConfigApplicationContext context = contextWithInfrastructure();
		context.close();
		Throwable ex = catchThrowable(() -> context.getBeanFactory().getBean("infrastructure"));
		assertThat(ex).isExactlyInstanceOf(NoSuchBeanDefinitionException.class)
			.hasMessage("No bean named 'infrastructure' available");
		assertSymptom(ex, "spring.bean-gone-after-destruction");
	}

	@Test
	void lazyBeanCreatedWhileSingletonsAreBeingDestroyed() {
		AnnotationConfigApplicationContext context = contextWithInfrastructure();
		ObjectProvider<Worker> workers = context.getBeanProvider(Worker.class);
		Throwable[] failure = new Throwable[1];
		context.registerBean("closer", DisposableBean.class, () -> () -> failure[0] = catchThrowable(workers::getObject));
		context.getBean("closer");
		context.close();
		assertThat(failure[0]).hasMessageContaining("Singleton bean creation not allowed while singletons of this factory are in destruction");
		assertSymptom(failure[0], "spring.bean-creation-not-allowed");
	}

	@Test
	void refreshableContextAfterClose() {
		ClassPathXmlApplicationContext context = new ClassPathXmlApplicationContext();
		context.refresh();
		context.close();
		Throwable ex = catchThrowable(context::getBeanFactory);
		assertThat(ex).isInstanceOf(IllegalStateException.class)
			.hasMessage("BeanFactory not initialized or already closed - call 'refresh' before accessing beans via the ApplicationContext");
		assertSymptom(ex, "spring.bean-factory-closed");
	}

	@Test
	void ambiguousBeanIsAConfigurationFault() {
		AnnotationConfigApplicationContext context = contextWithInfrastructure();
		context.getBeanFactory().registerSingleton("other", new Infrastructure());
		try {
			Throwable ex = catchThrowable(() -> context.getBean(Infrastructure.class));
			assertThat(ex).isInstanceOf(NoUniqueBeanDefinitionException.class);
			assertNotSymptom(ex);
			assertNotSymptom(new BeanCreationException("worker", "Instantiation of bean failed"));
		}
		finally {
			context.close();
		}
	}

	private static AnnotationConfigApplicationContext contextWithInfrastructure() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		// Registered by hand, like Spring Boot's infrastructure: forgotten when destroyed.
		context.getBeanFactory().registerSingleton("infrastructure", new Infrastructure());
		context.registerBean("worker", Worker.class, (definition) -> definition.setLazyInit(true));
		context.refresh();
		return context;
	}

	static class Infrastructure {

	}

	static class Worker {

		Worker(Infrastructure infrastructure) {
		}

	}

}
