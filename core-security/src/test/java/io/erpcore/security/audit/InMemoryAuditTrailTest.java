package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;

class InMemoryAuditTrailTest extends AuditTrailContract {

    @Override
    protected AuditTrail newTrail() {
        return InMemoryAuditTrail.create();
    }

    @Override
    protected TenantId newTenant() {
        return TenantId.random();
    }
}
