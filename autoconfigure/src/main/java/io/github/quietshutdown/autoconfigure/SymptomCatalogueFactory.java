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
package io.github.quietshutdown.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

import io.github.quietshutdown.autoconfigure.SymptomsProperties.Signature;
import io.github.quietshutdown.classify.SymptomCatalogue;
import io.github.quietshutdown.classify.SymptomSignature;

/**
 * Builds the effective symptom catalogue from the {@code quiet-shutdown.symptoms.*}
 * properties: the shipped signatures, less the excluded ones, plus the extra ones.
 *
 * @author Quiet Shutdown authors
 */
final class SymptomCatalogueFactory {

	private SymptomCatalogueFactory() {
	}

	/**
	 * Build the effective catalogue.
	 * @param symptoms the validated symptom properties
	 * @return the catalogue
	 */
	static SymptomCatalogue create(SymptomsProperties symptoms) {
		List<SymptomSignature> extra = new ArrayList<>();
		for (int i = 0; i < symptoms.getExtra().size(); i++) {
			Signature signature = symptoms.getExtra().get(i);
			if (StringUtils.hasText(signature.getLogger())) {
				extra.add(SymptomSignature.ofLogRecord(idOf(signature, i), signature.getLogger().strip(),
						Pattern.compile(signature.getMessage())));
				continue;
			}
			extra.add(new SymptomSignature(idOf(signature, i), signature.getType().strip(),
					StringUtils.hasText(signature.getMessage()) ? Pattern.compile(signature.getMessage()) : null));
		}
		return SymptomCatalogue.shipped().without(symptoms.getExclude()).with(extra);
	}

	/**
	 * Return the id of an extra signature: its own, else one from its position.
	 * @param signature the signature
	 * @param index its position in {@code quiet-shutdown.symptoms.extra}
	 * @return the id
	 */
	static String idOf(Signature signature, int index) {
		return StringUtils.hasText(signature.getId()) ? signature.getId().strip() : "extra." + index;
	}

}
