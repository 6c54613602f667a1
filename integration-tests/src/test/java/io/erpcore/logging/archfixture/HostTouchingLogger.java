package io.erpcore.logging.archfixture;

import io.erpcore.host.archfixture.HostWiring;

/** Violates: a core that touches the host. */
public final class HostTouchingLogger {

    public String describe(HostWiring host) {
        return host.toString();
    }
}
