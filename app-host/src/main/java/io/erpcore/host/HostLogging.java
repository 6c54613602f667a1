package io.erpcore.host;

import io.erpcore.adapter.logback.LogbackLogging;
import io.erpcore.config.AppConfig;
import io.erpcore.config.LoadedConfig;
import io.erpcore.logging.Redactor;
import io.erpcore.logging.StructuredLogger;
import java.net.URL;

/** The logging phase of start-up: LOG_LEVEL and LOG_FORMAT applied, configuration warnings logged. */
final class HostLogging {

    private static final String CONFIGURATION = "/logback.xml";

    private HostLogging() {
    }

    /** Reconfigures Logback from the loaded configuration and returns the host's logger. */
    static StructuredLogger start(LoadedConfig loaded) {
        AppConfig config = loaded.config();
        URL file = HostLogging.class.getResource(CONFIGURATION);
        LogbackLogging.current().apply(file, config.loggingConfig(), config.serverConfig().serviceName(), config.environment());
        StructuredLogger log = StructuredLogger.forModule("host")
                .withRedactor(Redactor.withExtraKeys(config.loggingConfig().redactKeys()));
        loaded.warnings().forEach(log::warn);
        return log;
    }

    /** Writes out the queued log events; the last step of a stop. */
    static void stop() {
        LogbackLogging.current().flushAndStop();
    }
}
