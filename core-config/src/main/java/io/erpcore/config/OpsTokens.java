package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;
import java.util.Optional;

/** Bearer tokens of the operational endpoints; an unset token hides what it would open. */
public record OpsTokens(
        @Variable("OPS_TOKEN")
        Optional<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> opsToken,
        @Variable("PLATFORM_ADMIN_TOKEN")
        Optional<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> platformAdminToken) {

    @Variable(value = "PLATFORM_ADMIN_TOKEN", reads = "OPS_TOKEN")
    @AssertTrue(message = "must differ from OPS_TOKEN: a health-check token must not administer tenants")
    public boolean isPlatformTokenDistinct() {
        return platformAdminToken.isEmpty() || !platformAdminToken.equals(opsToken);
    }
}
