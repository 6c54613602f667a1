package io.erpcore.host;

import io.erpcore.adapter.http.StandaloneApi;
import io.erpcore.adapter.jdbi.NewTenant;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.Tenant;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The development seed: on a database without any tenant, a tenant {@code demo} whose owner
 * {@code owner@demo.local} gets a fresh random password, which the start-up banner shows once so a
 * developer can sign in. Once a tenant exists, nothing is seeded.
 */
final class DemoTenant {

    static final String SLUG = "demo";
    static final String NAME = "Demo";
    static final String OWNER_EMAIL = "owner@demo.local";

    /** 18 random bytes are 24 URL-safe characters, 144 bits: more than any PASSWORD_MIN_LENGTH asks for by default. */
    private static final int PASSWORD_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoTenant() {
    }

    /**
     * Creates the demo tenant if the database has no tenant at all, and returns its owner's
     * password, which the banner shows once; empty when nothing was seeded.
     */
    static Optional<String> seedIfNoTenant(StandaloneApi api, StructuredLogger log) {
        if (!api.tenants().list(Optional.empty(), 1).items().isEmpty()) {
            return Optional.empty();
        }
        String password = newPassword();
        Tenant tenant = api.tenants().create(new NewTenant(SLUG, NAME,
                new NewTenant.Admin(OWNER_EMAIL, "Demo Owner", api.passwords().hash(password))), AuditOrigin.system());
        log.info("Development seed: created the tenant '" + SLUG + "' and its owner " + OWNER_EMAIL,
                Map.of("tenantId", tenant.id().toString()));
        return Optional.of(password);
    }

    private static String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
