package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import io.erpcore.adapter.api.StandaloneServer.TenantUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two tenants on one server, over HTTP: A's owner, who may do anything in A, can neither see nor
 * touch B. B's ids answer 404 as unknown ones would (DESIGN section 4: never a 403), B's rows stay
 * as they were, A's lists and audit trail hold none of B, and naming B in {@code X-Tenant-ID} with
 * A's token is refused.
 */
class TenantIsolationTest {

    private static StandaloneServer server;
    private static TenantAccount a;
    private static TenantAccount b;
    private static String aOwner;
    private static String bOwner;
    private static TenantUser aAdmin;
    private static TenantUser bMember;
    private static String aKey;
    private static String bKey;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
        a = server.newTenant();
        b = server.newTenant();
        aOwner = server.signInOwner(a);
        bOwner = server.signInOwner(b);
        aAdmin = server.newUser(a, aOwner, "admin");
        server.newUser(a, aOwner, "member");
        bMember = server.newUser(b, bOwner, "member");
        server.newUser(b, bOwner, "auditor");
        aKey = newKey(aOwner);
        bKey = newKey(bOwner);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Named<Supplier<HttpResponse<String>>>> addressingBsIds() {
        return Stream.of(
                Named.of("GET /api/v1/users/{B's user}", () ->
                        server.http().get("/api/v1/users/" + bMember.id(), bearer(aOwner))),
                Named.of("PATCH /api/v1/users/{B's user}", () -> server.patch("/api/v1/users/" + bMember.id(),
                        "{\"displayName\":\"Taken over\",\"roles\":[\"owner\"],\"status\":\"disabled\"}", bearer(aOwner))),
                Named.of("DELETE /api/v1/users/{B's user}", () ->
                        server.delete("/api/v1/users/" + bMember.id(), bearer(aOwner))),
                Named.of("DELETE /api/v1/api-keys/{B's key}", () ->
                        server.delete("/api/v1/api-keys/" + bKey, bearer(aOwner))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressingBsIds")
    void a_user_of_a_addressing_bs_ids_gets_404_and_b_is_unchanged(Supplier<HttpResponse<String>> call) {
        JsonNode usersBefore = bsUsers();
        JsonNode keysBefore = bsKeys();

        HttpResponse<String> answer = call.get();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(json(answer).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(bsUsers()).isEqualTo(usersBefore);
        assertThat(bsKeys()).isEqualTo(keysBefore);
        assertThat(server.http().get("/api/v1/me", bearer(bMember.token())).statusCode()).isEqualTo(200);
    }

    @Test
    void bs_user_id_answers_a_the_same_as_an_id_nobody_has() {
        HttpResponse<String> foreign = server.http().get("/api/v1/users/" + bMember.id(), bearer(aOwner));
        HttpResponse<String> unknown = server.http().get("/api/v1/users/" + java.util.UUID.randomUUID(), bearer(aOwner));

        assertThat(foreign.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(json(foreign).get("detail")).isEqualTo(json(unknown).get("detail"));
    }

    @Test
    void as_user_list_holds_only_as_users() {
        Set<String> listed = ids(server.http().get("/api/v1/users?limit=100", bearer(aOwner)));

        assertThat(listed).contains(aAdmin.id()).doesNotContainAnyElementsOf(ids(bsUsers()));
        assertThat(json(server.http().get("/api/v1/users?limit=100", bearer(aOwner))).get("data"))
                .allSatisfy(user -> assertThat(user.get("email").asText()).endsWith("@" + a.slug() + ".example"));
    }

    @Test
    void as_api_key_list_holds_only_as_keys() {
        Set<String> listed = ids(server.http().get("/api/v1/api-keys", bearer(aAdmin.token())));

        assertThat(listed).contains(aKey).doesNotContain(bKey);
    }

    @Test
    void naming_b_in_x_tenant_id_with_as_token_is_403_tenant_mismatch() {
        HttpResponse<String> answer = server.http().get("/api/v1/users", "Authorization", "Bearer " + aOwner,
                "X-Tenant-ID", b.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json(answer).get("code").asText()).isEqualTo("TENANT_MISMATCH");
    }

    @Test
    void naming_b_in_x_tenant_id_creates_nothing_in_b() {
        JsonNode before = bsUsers();

        HttpResponse<String> answer = server.post("/api/v1/users", StandaloneServer.write(java.util.Map.of(
                "email", "intruder@" + b.slug() + ".example", "displayName", "Intruder",
                "password", StandaloneServer.USER_PASSWORD)), "Authorization", "Bearer " + aOwner, "X-Tenant-ID", b.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(json(answer).get("code").asText()).isEqualTo("TENANT_MISMATCH");
        assertThat(bsUsers()).isEqualTo(before);
    }

    @Test
    void naming_the_own_tenant_in_x_tenant_id_is_served() {
        HttpResponse<String> answer = server.http().get("/api/v1/users", "Authorization", "Bearer " + aOwner,
                "X-Tenant-ID", a.id());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void a_malformed_x_tenant_id_is_400() {
        HttpResponse<String> answer = server.http().get("/api/v1/users", "Authorization", "Bearer " + aOwner,
                "X-Tenant-ID", "not-a-tenant-id");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answer).get("code").asText()).isEqualTo("MALFORMED_TENANT");
    }

    @Test
    void as_audit_trail_holds_none_of_bs_events() {
        server.patch("/api/v1/users/" + bMember.id(), "{\"displayName\":\"Changed in B\"}", bearer(bOwner));
        server.delete("/api/v1/users/" + bMember.id(), bearer(aOwner));
        List<JsonNode> bEvents = allEvents(bOwner);
        List<JsonNode> aEvents = allEvents(aOwner);

        Set<String> bEventIds = fieldValues(bEvents, "id");
        Set<String> bActors = ids(bsUsers());
        assertThat(bEvents).isNotEmpty();
        assertThat(fieldValues(aEvents, "id")).doesNotContainAnyElementsOf(bEventIds);
        assertThat(fieldValues(aEvents, "actorId")).doesNotContainAnyElementsOf(bActors);
        assertThat(aEvents).noneSatisfy(event -> assertThat(event.get("resource").asText()).contains(bMember.id()));
        assertThat(aEvents).noneSatisfy(event -> assertThat(event.toString()).contains(b.slug()));
        assertThat(json(server.http().get("/api/v1/audit-events/verify", bearer(aOwner))).get("valid").asBoolean()).isTrue();
    }

    private static String newKey(String token) {
        HttpResponse<String> created = server.post("/api/v1/api-keys", "{\"name\":\"isolation\",\"scopes\":[\"users:read\"]}",
                bearer(token));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static JsonNode bsUsers() {
        HttpResponse<String> list = server.http().get("/api/v1/users?limit=100", bearer(bOwner));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list);
    }

    private static JsonNode bsKeys() {
        HttpResponse<String> list = server.http().get("/api/v1/api-keys", bearer(bOwner));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list);
    }

    private static Set<String> ids(HttpResponse<String> list) {
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return ids(json(list));
    }

    private static Set<String> ids(JsonNode list) {
        return fieldValues(StreamSupport.stream(list.get("data").spliterator(), false).toList(), "id");
    }

    private static Set<String> fieldValues(List<JsonNode> items, String field) {
        return items.stream().map(item -> item.get(field)).filter(value -> value != null && !value.isNull())
                .map(JsonNode::asText).collect(java.util.stream.Collectors.toSet());
    }

    /** Every audit event of the caller's tenant, following the cursor to the end. */
    private static List<JsonNode> allEvents(String token) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = server.http().get("/api/v1/audit-events?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), bearer(token));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json(page);
            body.get("data").forEach(events::add);
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);
        return events;
    }
}
