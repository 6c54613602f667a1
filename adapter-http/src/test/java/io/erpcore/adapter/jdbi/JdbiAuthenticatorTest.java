package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.http.TestApplications;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.Authentication;
import io.erpcore.security.Role;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the end-to-end tests cannot steer: the clock, and so the expiry of a remembered token. */
class JdbiAuthenticatorTest {

    private static JdbiDatabase runtime;
    private static JdbiUserRepository users;
    private static JdbiApiKeyRepository keys;

    @BeforeAll
    static void open() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        JdbiAuditTrail audit = Audits.trail(runtime.rls());
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), audit);
        keys = JdbiApiKeyRepository.create(runtime.rls(), audit);
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
        AppConfig config = TestApplications.config(Map.of("JWT_EXPIRES_IN", "15m", "JWT_CLOCK_SKEW", "30s"));
        AccessTokens tokens = AccessTokens.from(config.jwtConfig(), clock);
        JdbiAuthenticator authenticator = JdbiAuthenticator.create(tokens, users, keys, clock);
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("admin")),
                AuditOrigin.system());
        String header = "Bearer " + tokens.issue(ada.id(), tenant, List.of("admin")).token();

        Authentication fresh = authenticator.authenticate(header);
        clock.advance(Duration.ofMinutes(15).plusSeconds(29));
        Authentication withinSkew = authenticator.authenticate(header);
        clock.advance(Duration.ofSeconds(2));
        Authentication expired = authenticator.authenticate(header);

        assertThat(fresh).isInstanceOfSatisfying(Authentication.Authenticated.class, authenticated ->
                assertThat(authenticated.principal().permissions()).contains(Role.SELF));
        assertThat(withinSkew).isInstanceOf(Authentication.Authenticated.class);
        assertThat(expired).isEqualTo(new Authentication.Refused("TOKEN_EXPIRED", "the access token has expired; refresh it"));
    }

    private static TenantId tenant() {
        return Tenants.create(runtime.rls(), "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 0);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
