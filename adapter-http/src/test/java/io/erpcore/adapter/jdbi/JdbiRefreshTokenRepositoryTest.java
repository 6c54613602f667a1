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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The refresh-token repository against real PostgreSQL, as the runtime role. */
class JdbiRefreshTokenRepositoryTest {

    private static final Instant NEXT_WEEK = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);

    private static JdbiDatabase runtime;
    private static JdbiRefreshTokenRepository tokens;
    private static JdbiUserRepository users;

    @BeforeAll
    static void database() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        tokens = JdbiRefreshTokenRepository.create(runtime.rls());
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls()));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void stores_a_token_that_is_then_found_by_its_hash() {
        TenantId tenant = tenant();
        UUID user = user(tenant);
        UUID family = UUID.randomUUID();

        UUID id = tokens.insert(tenant, user, family, "hash-1", NEXT_WEEK);

        assertThat(tokens.findByHash(tenant, "hash-1")).hasValueSatisfying(token -> {
            assertThat(token.id()).isEqualTo(id);
            assertThat(token.tenantId()).isEqualTo(tenant);
            assertThat(token.userId()).isEqualTo(user);
            assertThat(token.familyId()).isEqualTo(family);
            assertThat(token.expiresAt()).isEqualTo(NEXT_WEEK);
            assertThat(token.isRotated()).isFalse();
            assertThat(token.isRevoked()).isFalse();
            assertThat(token.isExpiredAt(Instant.now())).isFalse();
        });
    }

    @Test
    void an_unknown_hash_finds_nothing() {
        assertThat(tokens.findByHash(tenant(), "no-such-hash")).isEmpty();
    }

    @Test
    void refuses_a_token_for_a_user_the_tenant_does_not_have() {
        TenantId tenant = tenant();
        UUID stranger = user(tenant());

        assertThatThrownBy(() -> tokens.insert(tenant, stranger, UUID.randomUUID(), "hash", NEXT_WEEK))
                .isInstanceOf(UnknownUserException.class)
                .hasMessage("Tenant '" + tenant + "' has no user '" + stranger + "'");
    }

    @Test
    void rotates_a_fresh_token_once_and_reports_the_second_attempt_as_reuse() {
        TenantId tenant = tenant();
        UUID id = tokens.insert(tenant, user(tenant), UUID.randomUUID(), "hash", NEXT_WEEK);

        assertThat(tokens.markRotated(tenant, id)).isTrue();
        assertThat(tokens.markRotated(tenant, id)).isFalse();
        assertThat(tokens.findByHash(tenant, "hash"))
                .hasValueSatisfying(token -> assertThat(token.isRotated()).isTrue());
    }

    @Test
    void of_concurrent_rotations_of_one_token_exactly_one_succeeds() throws Exception {
        TenantId tenant = tenant();
        UUID id = tokens.insert(tenant, user(tenant), UUID.randomUUID(), "hash", NEXT_WEEK);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Callable<Boolean> rotate = () -> tokens.markRotated(tenant, id);
            List<Future<Boolean>> outcomes = pool.invokeAll(List.of(rotate, rotate, rotate, rotate, rotate, rotate));

            long successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                successes += outcome.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_revoked_token_cannot_be_rotated() {
        TenantId tenant = tenant();
        UUID family = UUID.randomUUID();
        UUID id = tokens.insert(tenant, user(tenant), family, "hash", NEXT_WEEK);
        tokens.revokeFamily(tenant, family);

        assertThat(tokens.markRotated(tenant, id)).isFalse();
    }

    @Test
    void revoking_a_family_revokes_its_tokens_and_no_others() {
        TenantId tenant = tenant();
        UUID user = user(tenant);
        UUID family = UUID.randomUUID();
        tokens.insert(tenant, user, family, "a1", NEXT_WEEK);
        tokens.insert(tenant, user, family, "a2", NEXT_WEEK);
        tokens.insert(tenant, user, UUID.randomUUID(), "b1", NEXT_WEEK);

        assertThat(tokens.revokeFamily(tenant, family)).isEqualTo(2);

        assertThat(tokens.findByHash(tenant, "a1"))
                .hasValueSatisfying(token -> assertThat(token.isRevoked()).isTrue());
        assertThat(tokens.findByHash(tenant, "a2"))
                .hasValueSatisfying(token -> assertThat(token.isRevoked()).isTrue());
        assertThat(tokens.findByHash(tenant, "b1"))
                .hasValueSatisfying(token -> assertThat(token.isRevoked()).isFalse());
    }

    @Test
    void revoking_a_family_again_counts_nothing() {
        TenantId tenant = tenant();
        UUID family = UUID.randomUUID();
        tokens.insert(tenant, user(tenant), family, "a1", NEXT_WEEK);
        tokens.revokeFamily(tenant, family);

        assertThat(tokens.revokeFamily(tenant, family)).isZero();
    }

    @Test
    void revoking_all_of_a_users_tokens_spares_other_users() {
        TenantId tenant = tenant();
        UUID ada = user(tenant);
        UUID bob = user(tenant);
        tokens.insert(tenant, ada, UUID.randomUUID(), "ada-1", NEXT_WEEK);
        tokens.insert(tenant, ada, UUID.randomUUID(), "ada-2", NEXT_WEEK);
        tokens.insert(tenant, bob, UUID.randomUUID(), "bob-1", NEXT_WEEK);

        assertThat(tokens.revokeAllForUser(tenant, ada)).isEqualTo(2);

        assertThat(tokens.findByHash(tenant, "bob-1"))
                .hasValueSatisfying(token -> assertThat(token.isRevoked()).isFalse());
    }

    @Test
    void another_tenant_can_neither_find_nor_rotate_nor_revoke_a_token() {
        TenantId owner = tenant();
        TenantId intruder = tenant();
        UUID user = user(owner);
        UUID family = UUID.randomUUID();
        UUID id = tokens.insert(owner, user, family, "hash", NEXT_WEEK);

        assertThat(tokens.findByHash(intruder, "hash")).isEmpty();
        assertThat(tokens.markRotated(intruder, id)).isFalse();
        assertThat(tokens.revokeFamily(intruder, family)).isZero();
        assertThat(tokens.revokeAllForUser(intruder, user)).isZero();
        assertThat(tokens.findByHash(owner, "hash")).hasValueSatisfying(token -> {
            assertThat(token.isRotated()).isFalse();
            assertThat(token.isRevoked()).isFalse();
        });
    }

    private static UUID user(TenantId tenant) {
        String email = "u" + UUID.randomUUID() + "@example.com";
        return users.create(tenant, NewUser.of(email, "User", "hash", List.of("member")), AuditOrigin.system()).id();
    }

    private static TenantId tenant() {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return Tenants.create(runtime.rls(), slug, 0);
    }
}
