package io.erpcore.config.archfixture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/** Violates: a core that touches Logback, an adapter technology. */
public final class LogbackTouchingSettings {

    public void quieten(Logger logger) {
        logger.setLevel(Level.WARN);
    }
}
