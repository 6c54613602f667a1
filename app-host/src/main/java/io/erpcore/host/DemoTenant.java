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
 * {@code owner@demo.local} gets a fresh random password, logged once so a developer can sign in.
 * Once a tenant exists, nothing is seeded and nothing is logged.
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

    /** Creates the demo tenant and logs its owner's password, if the database has no tenant at all. */
    static void seedIfNoTenant(StandaloneApi api, StructuredLogger log) {
        if (!api.tenants().list(Optional.empty(), 1).items().isEmpty()) {
            return;
        }
        String password = newPassword();
        Tenant tenant = api.tenants().create(new NewTenant(SLUG, NAME,
                new NewTenant.Admin(OWNER_EMAIL, "Demo Owner", api.passwords().hash(password))), AuditOrigin.system());
        // The only place ERP Core ever logs a password: a development-only account, made just now on
        // an empty database, which a developer has no other way to learn. Deliberately in the message,
        // not in a field that the redactor would mask.
        log.warn("Development seed: created the tenant '" + SLUG + "'; sign in with tenant " + SLUG + ", e-mail "
                + OWNER_EMAIL + " and the password " + password + " (shown this once)",
                Map.of("tenantId", tenant.id().toString()));
    }

    private static String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
