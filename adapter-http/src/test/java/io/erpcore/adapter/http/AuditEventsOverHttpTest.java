package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.jdbi.AuditHeads;
import io.erpcore.adapter.jdbi.Databases;
import io.erpcore.adapter.jdbi.JdbiAuditTrail;
import io.erpcore.adapter.jdbi.JdbiDatabase;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.PostgresFixture;
import io.erpcore.adapter.jdbi.Tenants;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.TenantId;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit endpoints over HTTP, reading a real PostgreSQL trail, for a tenant-scoped test principal. */
class AuditEventsOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID AUDITOR = UUID.fromString("0d6f6a1e-3c55-4a8b-9e0f-1a2b3c4d5e6f");

    private static JdbiDatabase database;
    private static JdbiAuditTrail trail;
    private JavalinApplication app;
    private HttpTestClient http;
    private TenantId tenant;

    @BeforeAll
    static void open() {
        database = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        trail = JdbiAuditTrail.create(database.rls(), AuditHeads.create());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, String> variables) {
        if (app != null) {
            app.stop();
        }
        app = TestApplications.builder(variables)
                .authenticator(new TestAuthenticator())
                .tenants(JdbiTenantDirectory.create(database.rls(), trail))
                .auditSink(trail)
                .routes(routes -> AuditEventRoutes.register(routes, trail))
                .build().start();
        http = HttpTestClient.on(app);
        tenant = newTenant();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void lists_the_tenants_events_newest_first_in_the_wire_format() throws Exception {
        record(tenant, AuditAction.USER_CREATED, Optional.empty());
        AuditRecord updated = record(tenant, AuditAction.USER_UPDATED, Optional.of(
                AuditSnapshot.builder().put("status", "disabled").encrypted("phone", true).build()));

        HttpResponse<String> response = http.get("/api/v1/audit-events", auditor(tenant));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("nextCursor").isNull()).isTrue();
        JsonNode newest = body.get("data").get(0);
        assertThat(fieldNames(newest)).containsExactly("id", "seq", "action", "actorId", "resource", "correlationId",
                "before", "after", "at", "hash");
        assertThat(newest.get("id").asText()).isEqualTo(updated.id().toString());
        assertThat(newest.get("seq").asLong()).isEqualTo(2);
        assertThat(newest.get("action").asText()).isEqualTo("user.updated");
        assertThat(newest.get("actorId").asText()).isEqualTo(AUDITOR.toString());
        assertThat(newest.get("after").get("status").asText()).isEqualTo("disabled");
        assertThat(newest.get("after").get("phone").asText()).isEqualTo("[encrypted]");
        assertThat(newest.get("before").isNull()).isTrue();
        assertThat(newest.get("at").asText()).isEqualTo(updated.at().toString());
        assertThat(newest.get("hash").asText()).isEqualTo(updated.hash());
        assertThat(body.get("data").get(1).get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void the_cursor_walks_the_trail_page_by_page() throws Exception {
        for (int i = 0; i < 5; i++) {
            record(tenant, AuditAction.USER_UPDATED, Optional.empty());
        }

        JsonNode first = JSON.readTree(http.get("/api/v1/audit-events?limit=3", auditor(tenant)).body());
        JsonNode second = JSON.readTree(http.get("/api/v1/audit-events?limit=3&cursor="
                + first.get("nextCursor").asText(), auditor(tenant)).body());

        assertThat(seqs(first)).containsExactly(5L, 4L, 3L);
        assertThat(seqs(second)).containsExactly(2L, 1L);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filters_by_action_and_actor() throws Exception {
        record(tenant, AuditAction.USER_CREATED, Optional.empty());
        record(tenant, AuditAction.USER_DELETED, Optional.empty());
        trail.record(AuditEvent.of(tenant, AuditAction.USER_DELETED, Optional.empty(), "users/7", Optional.empty()));

        JsonNode deleted = JSON.readTree(http.get("/api/v1/audit-events?action=user.deleted", auditor(tenant)).body());
        JsonNode byAuditor = JSON.readTree(http.get("/api/v1/audit-events?action=user.deleted&actorId=" + AUDITOR,
                auditor(tenant)).body());

        assertThat(seqs(deleted)).containsExactly(3L, 2L);
        assertThat(seqs(byAuditor)).containsExactly(2L);
    }

    @Test
    void malformed_query_parameters_are_400_naming_each_field() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/audit-events?action=DROP%20TABLE&actorId=42&from=yesterday"
                + "&limit=1000", auditor(tenant));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false).map(error -> error.get("field").asText()))
                .containsExactlyInAnyOrder("action", "actorId", "from", "limit");
    }

    @Test
    void a_cursor_the_trail_did_not_hand_out_is_400() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/audit-events?cursor=AQAAAAAAAAAA", auditor(tenant));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    }

    @Test
    void another_tenants_events_never_appear() throws Exception {
        TenantId other = newTenant();
        record(other, AuditAction.USER_CREATED, Optional.empty());

        JsonNode mine = JSON.readTree(http.get("/api/v1/audit-events", auditor(tenant)).body());

        assertThat(mine.get("data")).isEmpty();
    }

    @Test
    void without_audit_read_the_list_is_403_and_the_denial_is_recorded() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/audit-events",
                "Authorization", TestAuthenticator.header(AUDITOR.toString(), tenant.toString(), "users:read"));

        assertThat(response.statusCode()).isEqualTo(403);
        List<AuditRecord> events = trail.page(tenant, AuditQuery.all()).events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("access.permission_denied");
            assertThat(event.actorId()).contains(AUDITOR);
            assertThat(event.resource()).isEqualTo("GET /api/v1/audit-events");
            assertThat(event.correlationId()).contains(response.headers().firstValue("X-Request-ID").orElseThrow());
            assertThat(event.after()).hasValueSatisfying(after -> assertThat(after).contains("audit:read"));
        });
    }

    @Test
    void a_spent_tenant_limit_is_recorded_once_per_window_not_per_refusal() {
        start(Map.of("TENANT_RATE_LIMIT_MAX", "2"));
        for (int i = 0; i < 5; i++) {
            http.get("/api/v1/audit-events", auditor(tenant));
        }

        List<AuditRecord> limited = trail.page(tenant, new AuditQuery(Optional.of(AuditAction.RATE_LIMITED),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10)).events();
        assertThat(limited).singleElement().satisfies(event -> {
            assertThat(event.actorId()).contains(AUDITOR);
            assertThat(event.after()).hasValueSatisfying(after -> assertThat(after).contains("\"capacity\": 2"));
        });
    }

    @Test
    void verify_answers_the_wire_format_for_an_intact_chain() throws Exception {
        record(tenant, AuditAction.USER_CREATED, Optional.empty());
        AuditRecord newest = record(tenant, AuditAction.USER_UPDATED, Optional.empty());

        HttpResponse<String> response = http.get("/api/v1/audit-events/verify", auditor(tenant));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("valid").asBoolean()).isTrue();
        assertThat(body.get("checked").asLong()).isEqualTo(2);
        assertThat(body.get("head").asText()).isEqualTo(newest.hash());
        assertThat(body.get("headSeq").asLong()).isEqualTo(2);
        assertThat(body.get("firstBrokenSeq").isNull()).isTrue();
    }

    @Test
    void verify_against_a_head_the_chain_does_not_reach_names_the_first_missing_event() throws Exception {
        record(tenant, AuditAction.USER_CREATED, Optional.empty());
        String unreached = "7:" + "ab".repeat(32);

        JsonNode body = JSON.readTree(http.get("/api/v1/audit-events/verify?head=" + unreached, auditor(tenant)).body());

        assertThat(body.get("valid").asBoolean()).isFalse();
        assertThat(body.get("firstBrokenSeq").asLong()).isEqualTo(2);
        assertThat(body.get("reason").asText()).contains("newer events were deleted");
    }

    @Test
    void verify_refuses_a_malformed_head() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/audit-events/verify?head=latest", auditor(tenant));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("head");
    }

    private static AuditRecord record(TenantId tenant, AuditAction action, Optional<AuditSnapshot> after) {
        return trail.append(new AuditEvent(tenant, action, Optional.of(AUDITOR), "users/1", Optional.empty(), after,
                Optional.of("req-" + UUID.randomUUID())));
    }

    private static String[] auditor(TenantId tenant) {
        return new String[] {"Authorization", TestAuthenticator.header(AUDITOR.toString(), tenant.toString(), "audit:read")};
    }

    private static List<Long> seqs(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(event -> event.get("seq").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static TenantId newTenant() {
        return Tenants.create(database.rls(), "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 0);
    }
}
