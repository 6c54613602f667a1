package io.erpcore.adapter.http.archfixture;

import io.erpcore.adapter.jdbi.archfixture.internal.SqlDialect;
import io.erpcore.security.archfixture.AccessGuard;

/** Fixture: an http adapter using a jdbi internal, which is inside its own module, adapter-http. */
public final class JavalinHealthRoute {

    private final AccessGuard guard = new AccessGuard();

    public String table() {
        return SqlDialect.quote(guard.getClass().getSimpleName());
    }
}
