package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.http.TestApplications;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.PasswordHasher;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in against PostgreSQL: what the HTTP tests cannot see from outside. */
class JdbiSessionsTest {

    private static final String PASSWORD = "an unguessable long passphrase";

    private static JdbiDatabase runtime;
    private static JdbiAuditTrail audit;
    private static JdbiUserRepository users;

    @BeforeAll
    static void open() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        audit = Audits.trail(runtime.rls());
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), audit);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void a_hash_of_a_lower_cost_is_replaced_at_the_configured_cost_after_a_successful_sign_in() {
        TenantId tenant = tenant();
        String cheap = hasher(1000).hash(PASSWORD);
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", cheap, List.of("member")),
                AuditOrigin.system());

        SignIn outcome = sessions(2000).signIn(tenant, "ada@example.com", PASSWORD, Optional.empty());

        assertThat(outcome).isInstanceOf(SignIn.SignedIn.class);
        String stored = users.findCredentialsById(tenant, ada.id()).orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$2000$").isNotEqualTo(cheap);
        assertThat(hasher(2000).verify(PASSWORD, stored).matches()).isTrue();
    }

    @Test
    void a_hash_at_the_configured_cost_is_kept() {
        TenantId tenant = tenant();
        String current = hasher(1000).hash(PASSWORD);
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", current, List.of("member")),
                AuditOrigin.system());

        sessions(1000).signIn(tenant, "ada@example.com", PASSWORD, Optional.empty());

        assertThat(users.findCredentialsById(tenant, ada.id()).orElseThrow().passwordHash()).isEqualTo(current);
    }

    @Test
    void a_failed_sign_in_of_an_unknown_user_is_recorded_without_the_address_typed() {
        TenantId tenant = tenant();

        SignIn outcome = sessions(1000).signIn(tenant, "maybe-a-password@example.com", PASSWORD, Optional.of("req-7"));

        assertThat(outcome).isInstanceOf(SignIn.BadCredentials.class);
        var event = audit.page(tenant, AuditQuery.all()).events().get(0);
        assertThat(event.action()).isEqualTo("auth.login_failed");
        assertThat(event.actorId()).isEmpty();
        assertThat(event.correlationId()).contains("req-7");
        assertThat(event.after().orElseThrow()).contains("unknown_user").doesNotContain("maybe-a-password");
    }

    private static JdbiSessions sessions(int iterations) {
        AppConfig config = config(iterations);
        return JdbiSessions.create(AccessTokens.from(config.jwtConfig(), Clock.systemUTC()), hasher(iterations), users,
                JdbiRefreshTokenRepository.create(runtime.rls()), audit, config.jwtConfig().refreshTokenTtl(),
                Clock.systemUTC());
    }

    private static PasswordHasher hasher(int iterations) {
        return PasswordHasher.from(config(iterations).passwordConfig());
    }

    private static AppConfig config(int iterations) {
        return TestApplications.config(Map.of("PASSWORD_HASH_ITERATIONS", Integer.toString(iterations)));
    }

    private static TenantId tenant() {
        return Tenants.create(runtime.rls(), "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 0);
    }
}
