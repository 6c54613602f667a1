package io.erpcore.benchmarks;

import io.erpcore.adapter.jdbi.Audits;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.Encryptions;
import io.erpcore.adapter.jdbi.JdbiApiKeyRepository;
import io.erpcore.adapter.jdbi.JdbiAuditTrail;
import io.erpcore.adapter.jdbi.JdbiAuthenticator;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.NewUser;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.JwtConfig;
import io.erpcore.config.MapConfigSource;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.Authentication;
import io.erpcore.security.TokenVerification;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a request with {@code Authorization: Bearer <access token>} pays to be authenticated:
 * <ul>
 *   <li>{@code verifyAccessToken}: {@link AccessTokens#verify} on a genuine token of the
 *   development configuration, the work of a token seen for the first time: decoding, the header
 *   checks, the HS256 signature, the time, issuer and audience checks and the claims.</li>
 *   <li>{@code authenticateRememberedToken}: {@link JdbiAuthenticator#authenticate} with the same
 *   token on the header, the path of every later request with it: the remembered verification, its
 *   expiry check and the user's cached principal. The principal is read from PostgreSQL again once
 *   every {@link JdbiAuthenticator#STATUS_TTL}, a read the figure spreads over the calls in between.
 *   The database comes from the test fixture: set {@code ERP_TEST_DATABASE_URL} to use a real
 *   server.</li>
 * </ul>
 * Both set-ups check that the token is accepted, so neither can measure a refusal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenVerificationBenchmark {

    private AccessTokens tokens;
    private String token;
    private UUID userId;

    @Setup(Level.Trial)
    public void issueOneToken() {
        tokens = AccessTokens.from(jwtConfig(), Clock.systemUTC());
        userId = UUID.randomUUID();
        token = tokens.issue(userId, TenantId.random(), List.of("admin")).token();
        TokenVerification verification = tokens.verify(token);
        if (!(verification instanceof TokenVerification.Valid valid) || !valid.claims().userId().equals(userId)) {
            throw new IllegalStateException("the benchmark's own token does not verify: " + verification);
        }
    }

    @Benchmark
    public TokenVerification verifyAccessToken() {
        return tokens.verify(token);
    }

    @Benchmark
    public Authentication authenticateRememberedToken(SignedInUser user) {
        return user.authenticator.authenticate(user.header);
    }

    /** An active user in a fresh database, their token, and an authenticator that has seen it once. */
    @State(Scope.Benchmark)
    public static class SignedInUser {
        private JdbiDatabase database;
        private JdbiAuthenticator authenticator;
        private String header;

        @Setup(Level.Trial)
        public void signIn() {
            database = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
            JdbiAuditTrail audit = Audits.trail(database.rls());
            JdbiUserRepository users = JdbiUserRepository.create(database.rls(), Encryptions.random(), audit);
            TenantId tenant = Tenants.create(database.rls(), "bench", 0);
            UserRow ada = users.create(tenant, NewUser.of("ada@bench.example", "Ada", "h", List.of("admin")),
                    AuditOrigin.system());
            AccessTokens tokens = AccessTokens.from(jwtConfig(), Clock.systemUTC());
            authenticator = JdbiAuthenticator.create(tokens, users, JdbiApiKeyRepository.create(database.rls(), audit),
                    Clock.systemUTC());
            header = "Bearer " + tokens.issue(ada.id(), tenant, List.of("admin")).token();
            Authentication first = authenticator.authenticate(header);
            if (!(first instanceof Authentication.Authenticated authenticated)
                    || !authenticated.principal().subject().equals(ada.id().toString())) {
                throw new IllegalStateException("the benchmark's user is not authenticated: " + first);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            database.close();
        }
    }

    /** The development configuration's token settings: a generated 48-byte secret, 15-minute tokens. */
    private static JwtConfig jwtConfig() {
        return ConfigLoader.load(MapConfigSource.of("benchmark", Map.of())).config().jwtConfig();
    }
}
