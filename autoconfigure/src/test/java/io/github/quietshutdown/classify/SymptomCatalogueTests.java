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
package io.github.quietshutdown.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SymptomCatalogue}.
 */
class SymptomCatalogueTests {

	@Test
	void parseReadsIdTypeAndMessageSkippingComments() throws IOException {
		SymptomCatalogue catalogue = parse("""
				# a comment
				one | java.lang.IllegalStateException | ^closed (now|later)$

				two|java.lang.InterruptedException|
				three | java.io.IOException
				""");
		assertThat(catalogue.getSignatures()).extracting(SymptomSignature::getId).containsExactly("one", "two", "three");
		assertThat(catalogue.get("one").getType()).isEqualTo("java.lang.IllegalStateException");
		assertThat(catalogue.get("one").getMessage().pattern()).isEqualTo("^closed (now|later)$");
		assertThat(catalogue.get("two").getMessage()).isNull();
		assertThat(catalogue.get("three").getMessage()).isNull();
	}

	@Test
	void parseReadsLogRecordSignatures() throws IOException {
		SymptomCatalogue catalogue = parse("""
				stopped | logger:org.example.listener | ^Rejecting (a|b) because stopped$
				""");
		SymptomSignature signature = catalogue.get("stopped");
		assertThat(signature.isLogRecord()).isTrue();
		assertThat(signature.getLogger()).isEqualTo("org.example.listener");
		assertThat(signature.getType()).isNull();
		assertThat(signature.getMessage().pattern()).isEqualTo("^Rejecting (a|b) because stopped$");
	}

	@Test
	void parseRejectsLogRecordSignatureWithoutLoggerOrPattern() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("a | logger:org.example\n"))
			.withMessageContaining("Line 1");
		assertThatIllegalArgumentException().isThrownBy(() -> parse("a | logger: | stopped\n"))
			.withMessageContaining("Line 1");
	}

	@Test
	void parseRejectsMalformedLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("just-an-id\n")).withMessageContaining("Line 1");
	}

	@Test
	void parseRejectsDuplicateId() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parse("a | java.lang.Exception\na | java.lang.Error\n"))
			.withMessageContaining("'a'");
	}

	@Test
	void shippedCatalogueLoads() {
		SymptomCatalogue shipped = SymptomCatalogue.shipped();
		assertThat(shipped.size()).isGreaterThan(10);
		assertThat(shipped.get("hikari.pool-closed")).isNotNull();
	}

	@Test
	void withoutRemovesByIdAndByPrefix() throws IOException {
		SymptomCatalogue catalogue = parse("""
				kafka.a | java.lang.Exception
				kafka.b | java.lang.Exception
				kafkax.c | java.lang.Exception
				jdk.d | java.lang.Exception
				""");
		assertThat(catalogue.without(List.of("kafka.*", "jdk.d")).getSignatures()).extracting(SymptomSignature::getId)
			.containsExactly("kafkax.c");
		assertThat(catalogue.selectsAny("kafka.*")).isTrue();
		assertThat(catalogue.selectsAny("redis.*")).isFalse();
		assertThat(catalogue.selectsAny("kafka.a")).isTrue();
		assertThat(catalogue.selectsAny("kafka")).isFalse();
	}

	@Test
	void withAddsAfterAndRejectsDuplicates() throws IOException {
		SymptomCatalogue catalogue = parse("a | java.lang.Exception\n");
		SymptomSignature extra = new SymptomSignature("b", "java.io.IOException", null);
		assertThat(catalogue.with(List.of(extra)).getSignatures()).extracting(SymptomSignature::getId).containsExactly("a", "b");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> catalogue.with(List.of(new SymptomSignature("a", "java.io.IOException", null))));
	}

	private static SymptomCatalogue parse(String text) throws IOException {
		return SymptomCatalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
