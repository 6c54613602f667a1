package io.erpcore.tenancy.archfixture;

import io.erpcore.config.archfixture.Settings;
import io.erpcore.logging.archfixture.ContextLogger;

/** Fixture: tenancy on config and logging. */
public record TenantScope(String tenantId, Settings settings) {

    public void enter(ContextLogger logger) {
        logger.started(settings);
    }
}
