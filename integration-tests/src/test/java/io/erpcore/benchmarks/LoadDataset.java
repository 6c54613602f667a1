package io.erpcore.benchmarks;

import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.config.AppConfig;
import io.erpcore.config.DatabaseUrl;
import io.erpcore.security.AccessTokens;
import io.erpcore.security.PasswordHasher;
import io.erpcore.tenancy.TenantId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The harness's data: a fresh database from the test fixture (its own owner and runtime roles),
 * {@code tenants} tenants of {@code users} users each written in bulk by the owner role, a
 * BYPASSRLS role for the unscoped baseline, and an access token for each tenant's readers.
 *
 * <p>Seeding goes around the API on purpose: every user shares one password hash, computed once by
 * the product's {@link PasswordHasher} at {@code PASSWORD_HASH_ITERATIONS}, where creating 50,000
 * users through the API would hash 50,000 passwords. Rows are made by {@code generate_series} in
 * one statement per tenant, inside that tenant's scope (the owner is subject to the forced
 * policies too, so {@code COPY} is refused). No audit events are written and {@code phone_encrypted}
 * stays null. User 1 of each tenant is its owner and users 2..{@code readers} are admins (both may
 * read users); the rest are members. Tables are analysed afterwards, as a live database would be.
 */
final class LoadDataset {

    /** A seeded tenant and the access tokens of its readers. */
    record SeededTenant(UUID id, String slug, List<String> tokens) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD = "a load-harness passphrase, long enough";
    private static final String SCOPE = "select set_config('app.platform', 'on', true), set_config('app.tenant_id', ?, true)";
    private static final String TENANT = "insert into tenants (id, slug, name) values (?, ?, ?)";
    private static final String USERS = "insert into users (tenant_id, id, email, display_name, password_hash, roles, status,"
            + " created_at, updated_at) select ?, gen_random_uuid(), 'user' || n || '@' || ? || '.example', 'Load User ' || n, ?,"
            + " case when n = 1 then array['owner'] when n <= ? then array['admin'] else array['member'] end, 'active',"
            + " now() - make_interval(secs => ? - n), now() - make_interval(secs => ? - n) from generate_series(1, ?) as n";
    private static final String READERS = "select id, roles from users where tenant_id = ? and email = any(?) order by email";

    private final TestDatabase database;
    private final DatabaseUrl bypass;
    private final List<SeededTenant> tenants;

    private LoadDataset(TestDatabase database, DatabaseUrl bypass, List<SeededTenant> tenants) {
        this.database = database;
        this.bypass = bypass;
        this.tenants = tenants;
    }

    /**
     * {@code tenantCount} x {@code userCount} users in {@code database} (migrated, empty), and
     * {@code readers} tokens per tenant signed with the {@code JWT_SECRET} of {@code config};
     * {@code bypass} is the URL of {@link #bypassRole}.
     */
    static LoadDataset seed(TestDatabase database, DatabaseUrl bypass, AppConfig config, int tenantCount, int userCount,
            int readers) throws SQLException {
        String hash = PasswordHasher.from(config.passwordConfig()).hash(PASSWORD);
        AccessTokens tokens = AccessTokens.from(config.jwtConfig(), Clock.systemUTC());
        List<SeededTenant> tenants = new ArrayList<>();
        try (Connection owner = database.ownerConnection()) {
            owner.setAutoCommit(false);
            for (int k = 1; k <= tenantCount; k++) {
                tenants.add(tenant(owner, "load-" + k, hash, userCount, readers, tokens));
                owner.commit();
            }
            owner.setAutoCommit(true);
            try (Statement analyse = owner.createStatement()) {
                analyse.execute("analyze tenants, users");
            }
        }
        return new LoadDataset(database, bypass, List.copyOf(tenants));
    }

    TestDatabase database() {
        return database;
    }

    /** The BYPASSRLS role's URL, for the unscoped baseline. */
    DatabaseUrl bypass() {
        return bypass;
    }

    List<SeededTenant> tenants() {
        return tenants;
    }

    private static SeededTenant tenant(Connection owner, String slug, String hash, int userCount, int readers,
            AccessTokens tokens) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(owner, SCOPE, id.toString());
        execute(owner, TENANT, id, slug, "Load tenant " + slug);
        execute(owner, USERS, id, slug, hash, readers, userCount, userCount, userCount);
        List<String> issued = new ArrayList<>();
        String[] emails = new String[Math.min(readers, userCount)];
        for (int n = 1; n <= emails.length; n++) {
            emails[n - 1] = "user" + n + "@" + slug + ".example";
        }
        try (PreparedStatement select = owner.prepareStatement(READERS)) {
            select.setObject(1, id);
            select.setArray(2, owner.createArrayOf("text", emails));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<String> roles = List.of((String[]) rows.getArray("roles").getArray());
                    issued.add(tokens.issue(rows.getObject("id", UUID.class), TenantId.of(id), roles).token());
                }
            }
        }
        return new SeededTenant(id, slug, List.copyOf(issued));
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    /** Where the fixture's PostgreSQL server came from, for the report. */
    static String serverKind() {
        String url = System.getenv("ERP_TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            return "a server the test fixture started (Testcontainers, else embedded PostgreSQL)";
        }
        DatabaseUrl admin = DatabaseUrl.parse(url);
        return "the server of ERP_TEST_DATABASE_URL (" + admin.hosts().get(0) + "), in a database of the harness's own";
    }

    /** A login role that bypasses row-level security and may read {@code users}; the fixture drops it at exit. */
    static DatabaseUrl bypassRole(TestDatabase database) throws SQLException {
        String role = database.name() + "_bypass";
        String password = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try (Connection admin = database.adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + role + " LOGIN BYPASSRLS NOSUPERUSER PASSWORD '" + password + "'");
            sql.execute("GRANT CONNECT ON DATABASE " + database.name() + " TO " + role);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + role);
            sql.execute("GRANT SELECT ON users TO " + role);
        }
        PostgresFixture.dropRoleAtExit(role);
        DatabaseUrl runtime = database.runtime();
        String hosts = runtime.hosts().stream().map(DatabaseUrl.HostAndPort::toString).reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return DatabaseUrl.parse("postgresql://" + role + ":" + password + "@" + hosts + "/" + runtime.database());
    }
}
