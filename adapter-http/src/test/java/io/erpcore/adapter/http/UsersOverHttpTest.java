package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.jdbi.Audits;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.Encryptions;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.NewUser;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.StoredPhones;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.adapter.jdbi.TestDatabase;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading users over HTTP: the phone is ciphertext in the table and plaintext in the API. */
class UsersOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "+44 20 7946 0958";

    private static JdbiDatabase database;
    private static StoredPhones storedPhones;
    private static JdbiUserRepository users;
    private JavalinApplication app;
    private HttpTestClient http;
    private TenantId tenant;

    @BeforeAll
    static void open() {
        TestDatabase test = PostgresFixture.migratedDatabase();
        database = Databases.open(test, InMemoryMetricsSink.create());
        storedPhones = StoredPhones.of(test);
        users = JdbiUserRepository.create(database.rls(), Encryptions.random(), Audits.trail(database.rls()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void start() {
        app = TestApplications.builder()
                .authenticator(new TestAuthenticator())
                .tenants(JdbiTenantDirectory.create(database.rls(), Audits.trail(database.rls())))
                .routes(routes -> UserRoutes.register(routes, users, io.erpcore.security.PasswordHasher.from(TestApplications.config(java.util.Map.of()).passwordConfig()), io.erpcore.security.PasswordPolicy.from(TestApplications.config(java.util.Map.of()).passwordConfig()), (tenant, user) -> { }))
                .build().start();
        http = HttpTestClient.on(app);
        tenant = newTenant();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void the_phone_is_ciphertext_in_the_table_and_plaintext_in_the_api() throws Exception {
        UserRow ada = users.create(tenant, new NewUser("ada@example.com", "Ada", "pbkdf2$hash", List.of("admin"),
                Optional.of(PHONE)), AuditOrigin.system());

        HttpResponse<String> response = http.get("/api/v1/users/" + ada.id(), reader(tenant));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("phone").asText()).isEqualTo(PHONE);
        String stored = storedPhones.get(tenant, ada.id());
        assertThat(stored).startsWith("v1.").doesNotContain("7946");
        assertThat(response.body()).doesNotContain(stored);
    }

    @Test
    void a_user_comes_in_the_wire_format_without_its_password_hash() throws Exception {
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "pbkdf2$hash", List.of("auditor")),
                AuditOrigin.system());

        HttpResponse<String> response = http.get("/api/v1/users/" + ada.id(), reader(tenant));

        JsonNode user = JSON.readTree(response.body());
        assertThat(fieldNames(user)).containsExactly("id", "email", "displayName", "phone", "roles", "status",
                "createdAt", "updatedAt");
        assertThat(user.get("phone").isNull()).isTrue();
        assertThat(user.get("roles").get(0).asText()).isEqualTo("auditor");
        assertThat(response.body()).doesNotContain("pbkdf2");
    }

    @Test
    void the_list_pages_the_tenants_users_with_their_phones_decrypted() throws Exception {
        for (int i = 0; i < 3; i++) {
            users.create(tenant, new NewUser("u" + i + "@example.com", "U" + i, "h", List.of(), Optional.of(PHONE + i)),
                    AuditOrigin.system());
        }

        JsonNode first = JSON.readTree(http.get("/api/v1/users?limit=2", reader(tenant)).body());
        JsonNode rest = JSON.readTree(http.get("/api/v1/users?limit=2&cursor=" + first.get("nextCursor").asText(),
                reader(tenant)).body());

        assertThat(phones(first)).containsExactly(PHONE + 0, PHONE + 1);
        assertThat(phones(rest)).containsExactly(PHONE + 2);
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void another_tenants_user_is_404_like_an_unknown_or_malformed_id() {
        TenantId other = newTenant();
        UserRow foreign = users.create(other, NewUser.of("eve@example.com", "Eve", "h", List.of()), AuditOrigin.system());

        assertThat(http.get("/api/v1/users/" + foreign.id(), reader(tenant)).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID(), reader(tenant)).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/users/not-a-uuid", reader(tenant)).statusCode()).isEqualTo(404);
    }

    @Test
    void a_bad_limit_or_cursor_is_400() {
        assertThat(http.get("/api/v1/users?limit=0", reader(tenant)).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/users?limit=abc", reader(tenant)).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/users?cursor=forged", reader(tenant)).statusCode()).isEqualTo(400);
    }

    @Test
    void without_users_read_the_users_are_403() {
        HttpResponse<String> response = http.get("/api/v1/users",
                "Authorization", TestAuthenticator.header(UUID.randomUUID().toString(), tenant.toString(), "me:read"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static String[] reader(TenantId tenant) {
        return new String[] {"Authorization",
                TestAuthenticator.header(UUID.randomUUID().toString(), tenant.toString(), "users:read")};
    }

    private static List<String> phones(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(user -> user.get("phone").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static TenantId newTenant() {
        return Tenants.create(database.rls(), "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 0);
    }
}
