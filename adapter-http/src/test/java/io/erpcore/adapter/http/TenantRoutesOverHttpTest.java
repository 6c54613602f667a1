package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.jdbi.Audits;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.Encryptions;
import io.erpcore.adapter.jdbi.JdbiAuditTrail;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform API over HTTP, on real PostgreSQL: tenants created, listed, read and changed with the platform token. */
class TenantRoutesOverHttpTest {

    static final String TOKEN = "platform-7Hq2xV9mK4pR8tW1zB6cN3dF5gJ0sL2a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    private static JdbiDatabase database;
    private static JdbiAuditTrail trail;
    private static JdbiTenantDirectory directory;
    private static JdbiUserRepository users;
    private final List<TenantId> changed = new CopyOnWriteArrayList<>();
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeAll
    static void open() {
        database = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        trail = Audits.trail(database.rls());
        directory = JdbiTenantDirectory.create(database.rls(), trail);
        users = JdbiUserRepository.create(database.rls(), Encryptions.random(), trail);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void start() {
        app = TestApplications.builder(Map.of("PLATFORM_ADMIN_TOKEN", TOKEN))
                .authenticator(new TestAuthenticator())
                .tenants(directory)
                .routes(routes -> TenantRoutes.register(routes, directory, password -> "test$" + password.length(),
                        password -> password.contains("password") ? List.of("must not contain the word 'password'")
                                : List.of(), changed::add))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void creating_a_tenant_answers_201_with_its_location_and_makes_the_admin_its_owner() throws Exception {
        String slug = slug();

        HttpResponse<String> response = post("/api/v1/tenants", create(slug, "Acme Ltd", "ada@example.com"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode tenant = JSON.readTree(response.body());
        assertThat(fieldNames(tenant)).containsExactly("id", "slug", "name", "status", "rateLimitMax", "createdAt");
        assertThat(tenant.get("slug").asText()).isEqualTo(slug);
        assertThat(tenant.get("status").asText()).isEqualTo("active");
        assertThat(tenant.get("rateLimitMax").isNull()).isTrue();
        TenantId id = TenantId.parse(tenant.get("id").asText());
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/tenants/" + id);
        List<UserRow> members = users.list(id, Optional.empty(), 10).items();
        assertThat(members).singleElement().satisfies(owner -> {
            assertThat(owner.email()).isEqualTo("ada@example.com");
            assertThat(owner.roles()).containsExactly("owner");
        });
        assertThat(changed).contains(id);
    }

    @Test
    void the_new_tenants_trail_starts_with_tenant_created_under_the_requests_correlation_id() throws Exception {
        HttpResponse<String> response = post("/api/v1/tenants", create(slug(), "Acme", "ada@example.com"));

        List<AuditRecord> events = oldestFirst(TenantId.parse(JSON.readTree(response.body()).get("id").asText()));
        assertThat(events).extracting(AuditRecord::action).containsExactly("tenant.created", "user.created");
        assertThat(events.get(0).actorId()).isEmpty();
        assertThat(events.get(0).correlationId()).isEqualTo(response.headers().firstValue("X-Request-ID"));
        assertThat(events.get(1).after().orElseThrow()).doesNotContain(PASSWORD, "test$");
    }

    @Test
    void a_taken_slug_is_409_and_creates_nothing() throws Exception {
        String slug = slug();
        post("/api/v1/tenants", create(slug, "First", "ada@example.com"));

        HttpResponse<String> response = post("/api/v1/tenants", create(slug, "Second", "bob@example.com"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("TENANT_SLUG_TAKEN");
        assertThat(directory.findBySlug(slug).orElseThrow().name()).isEqualTo("First");
    }

    @Test
    void every_problem_of_a_create_body_is_listed_in_one_answer() throws Exception {
        HttpResponse<String> response = post("/api/v1/tenants", """
                {"slug":"Not A Slug","name":"  ","admin":{"email":"no-at-sign","displayName":7,
                 "password":"my password"},"plan":"gold"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(problem)).containsExactlyInAnyOrder("plan", "slug", "name", "admin.email",
                "admin.displayName", "admin.password", "admin.password");
        assertThat(response.body()).doesNotContain("my password");
    }

    @Test
    void missing_fields_and_a_missing_admin_are_each_named() throws Exception {
        HttpResponse<String> response = post("/api/v1/tenants", "{\"name\":\"Acme\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(response.body()))).containsExactlyInAnyOrder("slug", "admin");
    }

    @Test
    void an_unknown_field_of_the_admin_is_refused() throws Exception {
        String body = create(slug(), "Acme", "ada@example.com").replace("\"displayName\"", "\"role\":\"owner\",\"displayName\"");

        HttpResponse<String> response = post("/api/v1/tenants", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(response.body()))).containsExactly("admin.role");
    }

    @Test
    void malformed_json_is_400_malformed_json_and_other_json_than_an_object_is_400() throws Exception {
        HttpResponse<String> broken = post("/api/v1/tenants", "{\"slug\":");
        HttpResponse<String> repeated = post("/api/v1/tenants", "{\"slug\":\"a\",\"slug\":\"b\"}");
        HttpResponse<String> array = post("/api/v1/tenants", "[1,2]");
        HttpResponse<String> empty = post("/api/v1/tenants", "");

        assertThat(JSON.readTree(broken.body()).get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(JSON.readTree(repeated.body()).get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(JSON.readTree(array.body()).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(List.of(broken.statusCode(), repeated.statusCode(), array.statusCode(), empty.statusCode()))
                .containsOnly(400);
    }

    @Test
    void the_list_pages_every_tenant_oldest_first() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(JSON.readTree(post("/api/v1/tenants", create(slug(), "T" + i, "a@example.com")).body())
                    .get("id").asText());
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(get("/api/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).body());
            assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
            page.get("data").forEach(tenant -> listed.add(tenant.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(listed).doesNotHaveDuplicates().containsSubsequence(created);
    }

    @Test
    void the_list_has_twenty_tenants_a_page_by_default_and_refuses_a_bad_limit_or_cursor() throws Exception {
        for (int i = 0; i < 21; i++) {
            post("/api/v1/tenants", create(slug(), "T" + i, "a@example.com"));
        }

        assertThat(JSON.readTree(get("/api/v1/tenants").body()).get("data").size()).isEqualTo(20);
        assertThat(fields(JSON.readTree(get("/api/v1/tenants?limit=0").body()))).containsExactly("limit");
        assertThat(fields(JSON.readTree(get("/api/v1/tenants?limit=101").body()))).containsExactly("limit");
        assertThat(fields(JSON.readTree(get("/api/v1/tenants?cursor=forged").body()))).containsExactly("cursor");
    }

    @Test
    void a_tenant_is_read_by_its_id() throws Exception {
        String id = JSON.readTree(post("/api/v1/tenants", create(slug(), "Acme", "a@example.com")).body()).get("id").asText();

        HttpResponse<String> response = get("/api/v1/tenants/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("name").asText()).isEqualTo("Acme");
    }

    @Test
    void an_unknown_or_malformed_id_is_404_for_get_and_patch() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "123")) {
            assertThat(get("/api/v1/tenants/" + id).statusCode()).isEqualTo(404);
            assertThat(patch("/api/v1/tenants/" + id, "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void suspending_a_tenant_stores_the_status_records_tenant_suspended_and_reports_the_change() throws Exception {
        TenantId id = TenantId.parse(JSON.readTree(post("/api/v1/tenants", create(slug(), "Acme", "a@example.com"))
                .body()).get("id").asText());
        changed.clear();

        HttpResponse<String> response = patch("/api/v1/tenants/" + id, "{\"status\":\"suspended\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("suspended");
        assertThat(directory.findById(id).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(oldestFirst(id)).extracting(AuditRecord::action).endsWith("tenant.suspended");
        assertThat(changed).containsExactly(id);
    }

    @Test
    void a_patch_sets_and_removes_the_tenants_own_rate_limit_and_renames_it() throws Exception {
        TenantId id = TenantId.parse(JSON.readTree(post("/api/v1/tenants", create(slug(), "Acme", "a@example.com"))
                .body()).get("id").asText());

        patch("/api/v1/tenants/" + id, "{\"rateLimitMax\":500,\"name\":\"Acme Group\"}");
        Tenant limited = directory.findById(id).orElseThrow();
        patch("/api/v1/tenants/" + id, "{\"rateLimitMax\":null}");

        assertThat(limited.rateLimitMax()).contains(500);
        assertThat(limited.name()).isEqualTo("Acme Group");
        assertThat(directory.findById(id).orElseThrow().rateLimitMax()).isEmpty();
    }

    @Test
    void every_problem_of_a_patch_body_is_listed_and_nothing_changes() throws Exception {
        TenantId id = TenantId.parse(JSON.readTree(post("/api/v1/tenants", create(slug(), "Acme", "a@example.com"))
                .body()).get("id").asText());

        HttpResponse<String> response = patch("/api/v1/tenants/" + id,
                "{\"name\":\"\",\"status\":\"deleted\",\"rateLimitMax\":0,\"slug\":\"renamed\"}");
        HttpResponse<String> wrongTypes = patch("/api/v1/tenants/" + id,
                "{\"name\":null,\"status\":1,\"rateLimitMax\":\"10\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(response.body()))).containsExactlyInAnyOrder("name", "status", "rateLimitMax", "slug");
        assertThat(wrongTypes.statusCode()).isEqualTo(400);
        assertThat(fields(JSON.readTree(wrongTypes.body()))).containsExactlyInAnyOrder("name", "status", "rateLimitMax");
        assertThat(directory.findById(id).orElseThrow().name()).isEqualTo("Acme");
    }

    private List<AuditRecord> oldestFirst(TenantId tenant) {
        List<AuditRecord> events = new ArrayList<>(trail.page(tenant, AuditQuery.all()).events());
        Collections.reverse(events);
        return events;
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.send("POST", path, "application/json", body, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> patch(String path, String body) {
        return http.send("PATCH", path, "application/json", body, "Authorization", "Bearer " + TOKEN);
    }

    static String create(String slug, String name, String email) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"admin\":{\"email\":\"" + email
                + "\",\"displayName\":\"Ada\",\"password\":\"" + PASSWORD + "\"}}";
    }

    static String slug() {
        return "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static List<String> fields(JsonNode problem) {
        return problem.has("errors")
                ? StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList()
                : List.of();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
