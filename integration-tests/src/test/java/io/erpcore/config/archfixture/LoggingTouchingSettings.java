package io.erpcore.config.archfixture;

import io.erpcore.logging.archfixture.ContextLogger;

/** Violates: config depending on logging, though config sits beneath every other core. */
public final class LoggingTouchingSettings {

    public void announce(ContextLogger logger) {
        logger.started(new Settings("eu"));
    }
}
