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
package io.github.quietshutdown.intercept.logging;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.CompositeFilter;

import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Installs a {@link Log4j2SymptomFilter} on the configuration of Log4j2's
 * {@link LoggerContext} when Log4j2 Core is the Log4j API implementation in use.
 * <p>
 * A reconfiguration replaces the configuration, and with it its filters; this installer
 * listens for configuration changes and adds the filter to the new configuration.
 *
 * @author Quiet Shutdown authors
 */
public final class Log4j2FilterInstaller extends LoggingFilterInstaller<LoggerContext>
		implements PropertyChangeListener {

	private final Log4j2SymptomFilter filter;

	/**
	 * Create a new installer.
	 * @param suppressor the suppressor of the context
	 * @param interceptions where the removal is registered
	 * @param labelling whether to label records with unknown throwables during shutdown
	 */
	public Log4j2FilterInstaller(SymptomSuppressor suppressor, JvmWideInterceptions interceptions, boolean labelling) {
		super(interceptions, suppressor.getClassifier().getState());
		this.filter = new Log4j2SymptomFilter(suppressor, labelling);
		this.filter.start();
	}

	@Override
	protected LoggerContext contextInUse() {
		return (LogManager.getContext(false) instanceof LoggerContext context) ? context : null;
	}

	@Override
	protected void addTo(LoggerContext context) {
		context.removePropertyChangeListener(this);
		context.addPropertyChangeListener(this);
		addToConfiguration(context.getConfiguration());
	}

	@Override
	protected void removeFrom(LoggerContext context) {
		context.removePropertyChangeListener(this);
		context.getConfiguration().removeFilter(this.filter);
	}

	@Override
	protected boolean isIn(LoggerContext context) {
		return contains(context.getConfiguration().getFilter());
	}

	@Override
	public void propertyChange(PropertyChangeEvent event) {
		if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
				&& event.getNewValue() instanceof Configuration configuration) {
			addToConfiguration(configuration);
		}
	}

	private synchronized void addToConfiguration(Configuration configuration) {
		if (!contains(configuration.getFilter())) {
			configuration.addFilter(this.filter);
		}
	}

	private boolean contains(Filter candidate) {
		if (candidate instanceof CompositeFilter composite) {
			for (Filter filter : composite.getFiltersArray()) {
				if (filter == this.filter) {
					return true;
				}
			}
			return false;
		}
		return candidate == this.filter;
	}

}
