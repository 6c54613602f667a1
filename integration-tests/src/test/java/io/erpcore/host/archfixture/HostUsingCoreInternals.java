package io.erpcore.host.archfixture;

import io.erpcore.config.archfixture.internal.Trimmer;

/** Violates: the host, which may use anything public, reaching into config's internals. */
public final class HostUsingCoreInternals {

    public String clean(String raw) {
        return Trimmer.trim(raw);
    }
}
