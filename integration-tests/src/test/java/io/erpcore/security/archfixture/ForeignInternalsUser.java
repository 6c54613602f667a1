package io.erpcore.security.archfixture;

import io.erpcore.config.archfixture.internal.Trimmer;

/** Violates: security reaching into config's internals. */
public final class ForeignInternalsUser {

    public String clean(String raw) {
        return Trimmer.trim(raw);
    }
}
