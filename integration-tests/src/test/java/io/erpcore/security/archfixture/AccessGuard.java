package io.erpcore.security.archfixture;

import io.erpcore.metrics.archfixture.RequestMeter;
import io.erpcore.tenancy.archfixture.TenantScope;

/** Fixture: security on metrics and tenancy. */
public final class AccessGuard {

    private final RequestMeter meter = new RequestMeter();

    public boolean admits(TenantScope scope) {
        meter.record(scope.settings());
        return !scope.tenantId().isEmpty();
    }
}
