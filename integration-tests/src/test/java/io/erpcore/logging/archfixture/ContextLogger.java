package io.erpcore.logging.archfixture;

import io.erpcore.config.archfixture.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fixture: logging on config, through the SLF4J API, which cores may use. */
public final class ContextLogger {

    private static final Logger LOG = LoggerFactory.getLogger(ContextLogger.class);

    public void started(Settings settings) {
        LOG.info("started in {}", settings.region());
    }
}
