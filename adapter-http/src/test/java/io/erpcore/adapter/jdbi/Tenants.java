package io.erpcore.adapter.jdbi;

import io.erpcore.tenancy.TenantId;

/** Test data: tenants and their users, written through the executor's provisioning scope as the runtime role. */
public final class Tenants {

    private Tenants() {
    }

    /** Creates tenant {@code slug} with {@code users} users named {@code <slug>-<n>@example.com}; returns its id. */
    public static TenantId create(JdbiRlsExecutor rls, String slug, int users) {
        TenantId tenant = TenantId.random();
        rls.provisioning(tenant, handle -> {
            handle.createUpdate("insert into tenants (id, slug, name) values (:id, :slug, :name)")
                    .bind("id", tenant.value()).bind("slug", slug).bind("name", "Tenant " + slug).execute();
            for (int i = 0; i < users; i++) {
                handle.createUpdate("insert into users (tenant_id, id, email, display_name, password_hash) "
                                + "values (:tenant, gen_random_uuid(), :email, :name, 'x')")
                        .bind("tenant", tenant.value()).bind("email", slug + "-" + i + "@example.com")
                        .bind("name", "User " + i).execute();
            }
            return null;
        });
        return tenant;
    }

    /** Adds a refresh token, an API key and an audit event for the first user of {@code tenant}. */
    public static void fillEveryTable(JdbiRlsExecutor rls, TenantId tenant) {
        rls.inTenant(tenant, handle -> {
            java.util.UUID user = handle.createQuery("select id from users order by email limit 1")
                    .mapTo(java.util.UUID.class).one();
            handle.createUpdate("insert into refresh_tokens (tenant_id, id, user_id, family_id, token_hash, expires_at) "
                            + "values (:tenant, gen_random_uuid(), :user, gen_random_uuid(), md5(random()::text), now() + interval '1 day')")
                    .bind("tenant", tenant.value()).bind("user", user).execute();
            handle.createUpdate("insert into api_keys (tenant_id, id, created_by, name, prefix, key_hash) "
                            + "values (:tenant, gen_random_uuid(), :user, 'ci', md5(random()::text), 'h')")
                    .bind("tenant", tenant.value()).bind("user", user).execute();
            handle.createUpdate("insert into audit_events (tenant_id, seq, id, action, resource, prev_hash, hash) "
                            + "values (:tenant, 1, gen_random_uuid(), 'user.created', 'users/1', '', 'h')")
                    .bind("tenant", tenant.value()).execute();
            return null;
        });
    }
}
