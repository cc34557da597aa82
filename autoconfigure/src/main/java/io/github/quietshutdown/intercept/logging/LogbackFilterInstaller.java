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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.LoggerFactory;

import io.github.quietshutdown.intercept.JvmWideInterceptions;
import io.github.quietshutdown.record.SymptomSuppressor;

/**
 * Installs a {@link LogbackSymptomFilter} into Logback's {@link LoggerContext} when Logback
 * is the SLF4J backend in use.
 * <p>
 * A reset of the logger context (a reconfiguration) drops every turbo filter; this installer
 * listens, resistant to resets, and adds the filter back.
 *
 * @author Quiet Shutdown authors
 */
public final class LogbackFilterInstaller extends LoggingFilterInstaller<LoggerContext>
		implements LoggerContextListener {

	private final LogbackSymptomFilter filter;

	/**
	 * Create a new installer.
	 * @param suppressor the suppressor of the context
	 * @param interceptions where the removal is registered
	 * @param labelling whether to label records with unknown throwables during shutdown
	 */
	public LogbackFilterInstaller(SymptomSuppressor suppressor, JvmWideInterceptions interceptions, boolean labelling) {
		super(interceptions, suppressor.getClassifier().getState());
		this.filter = new LogbackSymptomFilter(suppressor, labelling);
		this.filter.start();
	}

	@Override
	protected LoggerContext contextInUse() {
		return (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) ? context : null;
	}

	@Override
	protected void addTo(LoggerContext context) {
		context.getTurboFilterList().addIfAbsent(this.filter);
		if (!context.getCopyOfListenerList().contains(this)) {
			context.addListener(this);
		}
	}

	@Override
	protected void removeFrom(LoggerContext context) {
		context.removeListener(this);
		context.getTurboFilterList().remove(this.filter);
	}

	@Override
	protected boolean isIn(LoggerContext context) {
		return context.getTurboFilterList().contains(this.filter);
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onReset(LoggerContext context) {
		context.getTurboFilterList().addIfAbsent(this.filter);
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}
