package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every change to users and tenants leaves its audit event, in the same transaction as the change:
 * with the fields that changed, never a secret or a decrypted value.
 */
class AuditedChangesTest {

    private static final UUID ADMIN = UUID.fromString("6a1c0f4e-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final AuditOrigin BY_ADMIN = AuditOrigin.of(ADMIN, "req-42");
    private static final String PHONE = "+44 20 7946 0958";

    private static JdbiDatabase runtime;
    private static JdbiAuditTrail trail;
    private static JdbiUserRepository users;
    private static JdbiTenantDirectory tenants;

    @BeforeAll
    static void open() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        trail = Audits.trail(runtime.rls());
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), trail);
        tenants = JdbiTenantDirectory.create(runtime.rls(), trail);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void creating_a_user_records_user_created_with_its_fields_but_no_secret_and_no_phone_number() {
        TenantId tenant = tenant();

        UserRow ada = users.create(tenant, new NewUser("ada@example.com", "Ada", "pbkdf2$secret-hash",
                List.of("admin"), Optional.of(PHONE)), BY_ADMIN);

        AuditRecord event = newest(tenant);
        assertThat(event.action()).isEqualTo("user.created");
        assertThat(event.resource()).isEqualTo("users/" + ada.id());
        assertThat(event.actorId()).contains(ADMIN);
        assertThat(event.correlationId()).contains("req-42");
        assertThat(event.before()).isEmpty();
        assertThat(event.after()).contains("{\"email\": \"ada@example.com\", \"phone\": \"[encrypted]\", "
                + "\"roles\": [\"admin\"], \"status\": \"active\", \"displayName\": \"Ada\"}");
        assertThat(event.after().orElseThrow()).doesNotContain("pbkdf2", "7946");
    }

    @Test
    void a_refused_create_records_nothing() {
        TenantId tenant = tenant();
        users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of()), BY_ADMIN);

        assertThatThrownBy(() -> users.create(tenant, NewUser.of("ADA@example.com", "Ada", "h", List.of()), BY_ADMIN))
                .isInstanceOf(DuplicateEmailException.class);

        assertThat(trail.head(tenant).seq()).isEqualTo(1);
    }

    @Test
    void an_update_records_only_the_fields_that_changed_before_and_after() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("member")), BY_ADMIN);

        users.update(tenant, ada.id(), UserUpdate.none().withDisplayName("Ada").withStatus(UserRow.DISABLED), BY_ADMIN);

        AuditRecord event = newest(tenant);
        assertThat(event.action()).isEqualTo("user.updated");
        assertThat(event.before()).contains("{\"status\": \"active\"}");
        assertThat(event.after()).contains("{\"status\": \"disabled\"}");
    }

    @Test
    void an_update_that_changes_nothing_records_nothing() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("member")), BY_ADMIN);

        users.update(tenant, ada.id(), UserUpdate.none().withDisplayName("Ada").withRoles(List.of("member")), BY_ADMIN);

        assertThat(trail.head(tenant).seq()).isEqualTo(1);
    }

    @Test
    void a_new_phone_number_is_recorded_as_changed_never_as_its_value() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of()), BY_ADMIN);

        users.update(tenant, ada.id(), UserUpdate.none().withPhone(PHONE), BY_ADMIN);

        AuditRecord event = newest(tenant);
        assertThat(event.before()).contains("{\"phone\": null}");
        assertThat(event.after()).contains("{\"phone\": \"[encrypted]\"}");
    }

    @Test
    void an_update_of_a_user_the_tenant_lacks_records_nothing() {
        TenantId tenant = tenant();

        assertThat(users.update(tenant, UUID.randomUUID(), UserUpdate.none().withDisplayName("X"), BY_ADMIN)).isEmpty();
        assertThat(trail.head(tenant).seq()).isZero();
    }

    @Test
    void deleting_a_user_records_what_it_was_and_the_trail_outlives_the_user() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("auditor")), BY_ADMIN);

        assertThat(users.delete(tenant, ada.id(), BY_ADMIN)).isTrue();

        AuditRecord event = newest(tenant);
        assertThat(event.action()).isEqualTo("user.deleted");
        assertThat(event.before()).contains("{\"email\": \"ada@example.com\", \"phone\": null, "
                + "\"roles\": [\"auditor\"], \"status\": \"active\", \"displayName\": \"Ada\"}");
        assertThat(trail.verify(tenant, Optional.empty()).checked()).isEqualTo(2);
    }

    @Test
    void a_change_whose_event_cannot_be_appended_is_not_made() {
        TenantId tenant = tenant();
        JdbiAuditTrail failing = JdbiAuditTrail.create(runtime.rls(), draft -> {
            throw new IllegalStateException("hashing failed");
        }, AuditHeads.create());
        JdbiUserRepository failingUsers = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), failing);

        assertThatThrownBy(() -> failingUsers.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of()),
                BY_ADMIN)).hasMessage("hashing failed");

        assertThat(users.findByEmail(tenant, "ada@example.com")).isEmpty();
    }

    @Test
    void creating_a_tenant_starts_its_trail_with_tenant_created_then_its_owner() {
        Tenant acme = tenants.create(newTenant(), AuditOrigin.system());

        List<AuditRecord> events = trail.page(acme.id(), AuditQuery.all()).events();

        assertThat(events).extracting(AuditRecord::action).containsExactly("user.created", "tenant.created");
        assertThat(events.get(1).seq()).isEqualTo(1);
        assertThat(events.get(1).actorId()).isEmpty();
        assertThat(events.get(1).after().orElseThrow()).contains("\"slug\": \"" + acme.slug() + "\"", "\"status\": \"active\"");
        assertThat(events.get(0).after().orElseThrow()).contains("\"roles\": [\"owner\"]").doesNotContain("pbkdf2");
    }

    @Test
    void suspending_and_reactivating_a_tenant_are_recorded_in_its_trail() {
        Tenant acme = tenants.create(newTenant(), AuditOrigin.system());

        tenants.update(acme.id(), TenantUpdate.none().withStatus(TenantStatus.SUSPENDED), AuditOrigin.system());
        AuditRecord suspended = newest(acme.id());
        tenants.update(acme.id(), TenantUpdate.none().withStatus(TenantStatus.ACTIVE), AuditOrigin.system());
        AuditRecord reactivated = newest(acme.id());

        assertThat(suspended.action()).isEqualTo("tenant.suspended");
        assertThat(suspended.before().orElseThrow()).contains("\"status\": \"active\"");
        assertThat(suspended.after().orElseThrow()).contains("\"status\": \"suspended\"");
        assertThat(reactivated.action()).isEqualTo("tenant.reactivated");
        assertThat(trail.verify(acme.id(), Optional.empty()).valid()).isTrue();
    }

    @Test
    void other_tenant_changes_are_recorded_as_tenant_updated_and_no_change_as_nothing() {
        Tenant acme = tenants.create(newTenant(), AuditOrigin.system());

        tenants.update(acme.id(), TenantUpdate.none().withRateLimitMax(50), AuditOrigin.system());
        AuditRecord updated = newest(acme.id());
        tenants.update(acme.id(), TenantUpdate.none().withRateLimitMax(50), AuditOrigin.system());

        assertThat(updated.action()).isEqualTo("tenant.updated");
        assertThat(updated.after().orElseThrow()).contains("\"rateLimitMax\": 50");
        assertThat(trail.head(acme.id())).isEqualTo(updated.asHead());
    }

    @Test
    void creating_and_revoking_an_api_key_are_recorded_without_its_hash() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("admin")), BY_ADMIN);
        JdbiApiKeyRepository keys = JdbiApiKeyRepository.create(runtime.rls(), trail);

        ApiKeyRow key = keys.insert(tenant, ada.id(), "ci", "erp1_visible", "secret-key-hash", List.of("users:read"),
                Optional.empty(), BY_ADMIN);
        AuditRecord created = newest(tenant);
        keys.revoke(tenant, key.id(), BY_ADMIN);
        AuditRecord revoked = newest(tenant);

        assertThat(created.action()).isEqualTo("api_key.created");
        assertThat(created.resource()).isEqualTo("api-keys/" + key.id());
        assertThat(created.after().orElseThrow()).contains("\"prefix\": \"erp1_visible\"", "users:read")
                .doesNotContain("secret-key-hash");
        assertThat(revoked.action()).isEqualTo("api_key.revoked");
        assertThat(keys.revoke(tenant, key.id(), BY_ADMIN)).isFalse();
        assertThat(trail.head(tenant)).isEqualTo(revoked.asHead());
    }

    private static AuditRecord newest(TenantId tenant) {
        return trail.page(tenant, AuditQuery.all()).events().get(0);
    }

    private static NewTenant newTenant() {
        return new NewTenant(slug(), "Acme Corp", new NewTenant.Admin("root@acme.example", "Root", "pbkdf2$hash"));
    }

    private static TenantId tenant() {
        return Tenants.create(runtime.rls(), slug(), 0);
    }

    private static String slug() {
        return "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
