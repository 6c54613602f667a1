package io.erpcore.adapter.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import io.erpcore.config.Environment;
import io.erpcore.config.LogFormat;
import io.erpcore.config.LoggingConfig;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code LOG_LEVEL} and {@code LOG_FORMAT} at start-up by re-reading a Logback
 * configuration file with these properties set:
 * <ul>
 *   <li>{@code ERP_LOG_LEVEL}: the Logback level of the root logger;</li>
 *   <li>{@code ERP_LOG_APPENDER}: {@code JSON} or {@code PRETTY}, the name of the appender to use;</li>
 *   <li>{@code ERP_REQUEST_LINES_LEVEL}: {@code INFO} when request lines are written, else
 *       {@code WARN}: the level of their logger, {@value io.erpcore.logging.StructuredLogger#REQUEST_LINES};</li>
 *   <li>{@code SERVICE_NAME} and {@code APP_ENV}: the {@code service} and {@code env} fields.</li>
 * </ul>
 * The file (the host's {@code logback.xml}) decides everything else.
 */
public final class LogbackLogging {

    private final LoggerContext context;

    private LogbackLogging(LoggerContext context) {
        this.context = context;
    }

    /** The Logback context SLF4J is bound to; fails if SLF4J is bound to something else. */
    public static LogbackLogging current() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback but to "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        return new LogbackLogging(context);
    }

    /** Re-reads {@code configuration} with the properties derived from the configuration. */
    public void apply(URL configuration, LoggingConfig logging, String serviceName, Environment environment) {
        context.reset();
        context.putProperty("ERP_LOG_LEVEL", SeedLevels.logbackLevel(logging.level()).levelStr);
        context.putProperty("ERP_LOG_APPENDER", logging.format() == LogFormat.JSON ? "JSON" : "PRETTY");
        context.putProperty("ERP_REQUEST_LINES_LEVEL", SeedLevels.writesHttpLines(logging.level()) ? "INFO" : "WARN");
        context.putProperty("SERVICE_NAME", serviceName);
        context.putProperty("APP_ENV", environment.name().toLowerCase(Locale.ROOT));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot read the logging configuration " + configuration, e);
        }
    }

    /** Events the asynchronous appenders dropped since the last {@link #apply}. */
    public long droppedEvents() {
        long dropped = 0;
        for (Appender<ILoggingEvent> appender : rootAppenders()) {
            if (appender instanceof CountingAsyncAppender counting) {
                dropped += counting.droppedEvents();
            }
        }
        return dropped;
    }

    /**
     * Writes out what the asynchronous appenders still hold, then stops logging; for shutdown.
     * The root's appenders stop first, while the appenders they write to still run: stopping the
     * context alone may stop those first and lose the queue.
     */
    public void flushAndStop() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Appender<ILoggingEvent> appender : rootAppenders()) {
            root.detachAppender(appender);
            appender.stop();
        }
        context.stop();
    }

    private List<Appender<ILoggingEvent>> rootAppenders() {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appenders::add);
        return appenders;
    }
}
