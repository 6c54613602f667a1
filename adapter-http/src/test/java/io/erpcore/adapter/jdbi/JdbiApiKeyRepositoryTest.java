package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API-key repository against real PostgreSQL, as the runtime role. */
class JdbiApiKeyRepositoryTest {

    private static final Instant NEXT_YEAR = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    private static JdbiDatabase runtime;
    private static JdbiApiKeyRepository keys;
    private static JdbiUserRepository users;

    @BeforeAll
    static void database() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        keys = JdbiApiKeyRepository.create(runtime.rls(), Audits.trail(runtime.rls()));
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls()));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void stores_a_key_and_answers_it_without_its_hash() {
        TenantId tenant = tenant();
        UUID creator = user(tenant);

        ApiKeyRow key = keys.insert(tenant, creator, "CI", "erp_ab12", "key-hash", List.of("users:read", "audit:read"),
                Optional.of(NEXT_YEAR), AuditOrigin.system());

        assertThat(key.tenantId()).isEqualTo(tenant);
        assertThat(key.createdBy()).isEqualTo(creator);
        assertThat(key.name()).isEqualTo("CI");
        assertThat(key.prefix()).isEqualTo("erp_ab12");
        assertThat(key.scopes()).containsExactly("users:read", "audit:read");
        assertThat(key.expiresAt()).contains(NEXT_YEAR);
        assertThat(key.lastUsedAt()).isEmpty();
        assertThat(key.revokedAt()).isEmpty();
        assertThat(key.isUsableAt(Instant.now())).isTrue();
    }

    @Test
    void finds_a_key_and_its_hash_by_prefix() {
        TenantId tenant = tenant();
        ApiKeyRow key = keys.insert(tenant, user(tenant), "CI", "erp_ab12", "key-hash", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.findByPrefix(tenant, "erp_ab12")).contains(new ApiKeyCredential(key, "key-hash"));
    }

    @Test
    void an_unknown_prefix_finds_nothing() {
        assertThat(keys.findByPrefix(tenant(), "erp_none")).isEmpty();
    }

    @Test
    void refuses_a_prefix_the_tenant_already_has() {
        TenantId tenant = tenant();
        UUID creator = user(tenant);
        keys.insert(tenant, creator, "first", "erp_same", "h1", List.of(), Optional.empty(), AuditOrigin.system());

        assertThatThrownBy(() -> keys.insert(tenant, creator, "second", "erp_same", "h2", List.of(), Optional.empty(), AuditOrigin.system()))
                .isInstanceOf(DuplicateApiKeyPrefixException.class)
                .hasMessage("Tenant '" + tenant + "' already has an API key with prefix 'erp_same'");
    }

    @Test
    void refuses_a_creator_the_tenant_does_not_have() {
        TenantId tenant = tenant();
        UUID stranger = user(tenant());

        assertThatThrownBy(() -> keys.insert(tenant, stranger, "CI", "erp_x", "h", List.of(), Optional.empty(), AuditOrigin.system()))
                .isInstanceOf(UnknownUserException.class);
    }

    @Test
    void refuses_a_blank_name_before_reaching_the_database() {
        TenantId tenant = tenant();

        assertThatThrownBy(() -> keys.insert(tenant, UUID.randomUUID(), " ", "erp_x", "h", List.of(), Optional.empty(), AuditOrigin.system()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'name' must be 1 to 200 characters and not blank but was 1 characters long");
    }

    @Test
    void lists_the_tenants_keys_oldest_first() {
        TenantId tenant = tenant();
        UUID creator = user(tenant);
        ApiKeyRow first = keys.insert(tenant, creator, "one", "erp_1", "h1", List.of(), Optional.empty(), AuditOrigin.system());
        ApiKeyRow second = keys.insert(tenant, creator, "two", "erp_2", "h2", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.list(tenant)).containsExactly(first, second);
    }

    @Test
    void revokes_a_key_once() {
        TenantId tenant = tenant();
        ApiKeyRow key = keys.insert(tenant, user(tenant), "CI", "erp_r", "h", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.revoke(tenant, key.id(), AuditOrigin.system())).isTrue();
        assertThat(keys.revoke(tenant, key.id(), AuditOrigin.system())).isFalse();
        assertThat(keys.findByPrefix(tenant, "erp_r"))
                .hasValueSatisfying(found -> assertThat(found.key().isUsableAt(Instant.now())).isFalse());
    }

    @Test
    void an_expired_key_is_not_usable() {
        TenantId tenant = tenant();
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);

        ApiKeyRow key = keys.insert(tenant, user(tenant), "old", "erp_old", "h", List.of(), Optional.of(past), AuditOrigin.system());

        assertThat(key.isUsableAt(Instant.now())).isFalse();
    }

    @Test
    void stamps_the_last_use() {
        TenantId tenant = tenant();
        ApiKeyRow key = keys.insert(tenant, user(tenant), "CI", "erp_t", "h", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.touchLastUsed(tenant, key.id())).isTrue();

        assertThat(keys.findByPrefix(tenant, "erp_t")).hasValueSatisfying(found ->
                assertThat(found.key().lastUsedAt()).hasValueSatisfying(used ->
                        assertThat(used).isAfterOrEqualTo(key.createdAt())));
    }

    @Test
    void another_tenant_can_neither_find_nor_list_nor_revoke_nor_touch_a_key() {
        TenantId owner = tenant();
        TenantId intruder = tenant();
        ApiKeyRow key = keys.insert(owner, user(owner), "CI", "erp_own", "h", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.findByPrefix(intruder, "erp_own")).isEmpty();
        assertThat(keys.list(intruder)).isEmpty();
        assertThat(keys.revoke(intruder, key.id(), AuditOrigin.system())).isFalse();
        assertThat(keys.touchLastUsed(intruder, key.id())).isFalse();
        assertThat(keys.list(owner)).containsExactly(key);
    }

    @Test
    void the_key_hash_never_appears_in_to_string() {
        TenantId tenant = tenant();
        keys.insert(tenant, user(tenant), "CI", "erp_s", "secret-key-hash", List.of(), Optional.empty(), AuditOrigin.system());

        assertThat(keys.findByPrefix(tenant, "erp_s")).hasValueSatisfying(found ->
                assertThat(found.toString()).doesNotContain("secret-key-hash").contains("erp_s"));
    }

    private static UUID user(TenantId tenant) {
        String email = "u" + UUID.randomUUID() + "@example.com";
        return users.create(tenant, NewUser.of(email, "User", "hash", List.of("admin")), AuditOrigin.system()).id();
    }

    private static TenantId tenant() {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return Tenants.create(runtime.rls(), slug, 0);
    }
}
