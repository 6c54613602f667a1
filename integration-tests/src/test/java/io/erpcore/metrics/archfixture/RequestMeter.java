package io.erpcore.metrics.archfixture;

import io.erpcore.config.archfixture.Settings;
import io.erpcore.logging.archfixture.ContextLogger;

/** Fixture: metrics on config and logging. */
public final class RequestMeter {

    private final ContextLogger logger = new ContextLogger();

    public void record(Settings settings) {
        logger.started(settings);
    }
}
