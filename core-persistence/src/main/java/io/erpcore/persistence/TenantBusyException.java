package io.erpcore.persistence;

import io.erpcore.tenancy.TenantId;
import java.time.Duration;

/**
 * A tenant already holds its share of the connection pool ({@code DATABASE_TENANT_MAX_CONNECTIONS})
 * and no slot freed up within the acquire timeout. The HTTP layer answers 503 with
 * {@code Retry-After}.
 */
public final class TenantBusyException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final transient TenantId tenant;
    private final Duration retryAfter;

    public TenantBusyException(TenantId tenant, int share, Duration waited, Duration retryAfter) {
        super("Tenant " + tenant + " already holds its " + share + " connections and none freed up within "
                + waited.toMillis() + " ms");
        this.tenant = tenant;
        this.retryAfter = retryAfter;
    }

    public TenantId tenant() {
        return tenant;
    }

    /** When trying again makes sense. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
