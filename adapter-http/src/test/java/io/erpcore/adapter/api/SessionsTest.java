package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.Problems.assertProblem;
import static io.erpcore.adapter.api.StandaloneServer.OWNER_PASSWORD;
import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, refresh rotation with reuse detection, sign-out and their audit trail, over HTTP. */
class SessionsTest {

    private static StandaloneServer server;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void login_answers_an_access_token_a_refresh_token_the_type_and_the_lifetime() {
        StandaloneServer.TenantAccount acme = server.newTenant();

        HttpResponse<String> login = server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode body = json(login);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("accessToken", "refreshToken", "tokenType", "expiresIn");
        assertThat(body.get("accessToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(body.get("refreshToken").asText()).isNotBlank();
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").isIntegralNumber()).isTrue();
        assertThat(body.get("expiresIn").asLong()).isBetween(890L, 900L); // JWT_EXPIRES_IN defaults to 15m
    }

    @Test
    void login_by_tenant_id_works_like_login_by_slug() {
        StandaloneServer.TenantAccount acme = server.newTenant();

        HttpResponse<String> login = server.login(acme.id(), acme.ownerEmail(), OWNER_PASSWORD);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void refresh_answers_new_tokens_of_the_same_shape_and_the_new_access_token_works() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        JsonNode first = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));

        HttpResponse<String> refreshed = refresh(first.get("refreshToken").asText());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(fieldNames(second)).containsExactlyInAnyOrder("accessToken", "refreshToken", "tokenType", "expiresIn");
        assertThat(second.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
        assertThat(second.get("accessToken").asText()).isNotEqualTo(first.get("accessToken").asText());
        HttpResponse<String> me = server.http().get("/api/v1/me", bearer(second.get("accessToken").asText()));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("email").asText()).isEqualTo(acme.ownerEmail());
    }

    @Test
    void a_rotated_refresh_token_presented_again_is_refused_as_reused_and_its_whole_family_is_revoked() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String original = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD)).get("refreshToken").asText();
        String rotated = json(refresh(original)).get("refreshToken").asText();

        assertProblem(refresh(original), 401, "REFRESH_TOKEN_REUSED");

        assertProblem(refresh(rotated), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void a_refresh_token_reuse_is_recorded_in_the_tenants_audit_trail() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        JsonNode session = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));
        String original = session.get("refreshToken").asText();
        refresh(original);
        assertThat(refresh(original).statusCode()).isEqualTo(401);

        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        List<JsonNode> events = auditEvents(owner, "auth.refresh_token_reused");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("actorId").asText()).isEqualTo(userId(owner));
        assertThat(events.get(0).get("resource").asText()).isEqualTo("users/" + userId(owner));
        assertThat(events.get(0).get("after").get("family").asText()).isNotBlank();
        assertThat(events.get(0).get("after").get("revoked").asLong()).isPositive();
    }

    @Test
    void an_unknown_refresh_token_is_refused() {
        assertProblem(refresh("not-a-refresh-token"), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logout_with_a_refresh_token_revokes_its_family() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        JsonNode session = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));
        JsonNode rotated = json(refresh(session.get("refreshToken").asText()));

        HttpResponse<String> logout = server.post("/api/v1/auth/logout",
                "{\"refreshToken\":\"" + rotated.get("refreshToken").asText() + "\"}",
                bearer(rotated.get("accessToken").asText()));

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertProblem(refresh(rotated.get("refreshToken").asText()), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logout_with_a_refresh_token_leaves_the_users_other_sessions_alone() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        JsonNode laptop = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));
        JsonNode phone = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));

        HttpResponse<String> logout = server.post("/api/v1/auth/logout",
                "{\"refreshToken\":\"" + laptop.get("refreshToken").asText() + "\"}",
                bearer(laptop.get("accessToken").asText()));

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        HttpResponse<String> refreshed = refresh(phone.get("refreshToken").asText());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void logout_of_everything_revokes_every_family_of_the_user() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        JsonNode laptop = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));
        JsonNode phone = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD));

        HttpResponse<String> logout = server.post("/api/v1/auth/logout", "{\"all\":true}",
                bearer(laptop.get("accessToken").asText()));

        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
        assertProblem(refresh(laptop.get("refreshToken").asText()), 401, "INVALID_REFRESH_TOKEN");
        assertProblem(refresh(phone.get("refreshToken").asText()), 401, "INVALID_REFRESH_TOKEN");
    }

    @Test
    void logout_without_a_refresh_token_or_all_is_a_validation_failure() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String token = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);

        JsonNode problem = assertProblem(server.post("/api/v1/auth/logout", "{}", bearer(token)), 400,
                "VALIDATION_FAILED");

        assertThat(errorFields(problem)).containsExactly("refreshToken");
    }

    @Test
    void unknown_tenant_unknown_user_and_wrong_password_answer_the_same_invalid_credentials_problem() {
        StandaloneServer.TenantAccount acme = server.newTenant();

        JsonNode unknownTenant = assertProblem(server.login("no-such-tenant-" + acme.slug(), acme.ownerEmail(),
                OWNER_PASSWORD), 401, "INVALID_CREDENTIALS");
        JsonNode unknownUser = assertProblem(server.login(acme.slug(), "nobody@" + acme.slug() + ".example",
                OWNER_PASSWORD), 401, "INVALID_CREDENTIALS");
        JsonNode wrongPassword = assertProblem(server.login(acme.slug(), acme.ownerEmail(), "not the password at all"),
                401, "INVALID_CREDENTIALS");

        assertThat(withoutCorrelationId(unknownUser)).isEqualTo(withoutCorrelationId(unknownTenant));
        assertThat(withoutCorrelationId(wrongPassword)).isEqualTo(withoutCorrelationId(unknownTenant));
    }

    @Test
    void a_successful_login_is_recorded_in_the_audit_trail() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);

        List<JsonNode> events = auditEvents(owner, "auth.login_succeeded");

        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(event -> assertThat(event.get("actorId").asText()).isEqualTo(userId(owner)));
    }

    @Test
    void failed_logins_of_a_known_and_an_unknown_user_are_recorded_in_the_audit_trail() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        server.login(acme.slug(), acme.ownerEmail(), "not the password at all");
        server.login(acme.slug(), "nobody@" + acme.slug() + ".example", OWNER_PASSWORD);

        List<JsonNode> events = auditEvents(owner, "auth.login_failed");

        assertThat(events).extracting(event -> event.get("after").get("reason").asText())
                .containsExactlyInAnyOrder("wrong_password", "unknown_user");
        assertThat(events).filteredOn(event -> event.get("after").get("reason").asText().equals("wrong_password"))
                .singleElement().satisfies(event -> assertThat(event.get("actorId").asText()).isEqualTo(userId(owner)));
    }

    @Test
    void an_empty_login_body_lists_every_missing_field() {
        JsonNode problem = assertProblem(server.post("/api/v1/auth/login", "{}"), 400, "VALIDATION_FAILED");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("tenant", "email", "password");
    }

    @Test
    void a_login_body_of_wrong_types_empty_values_and_unknown_fields_lists_every_one() {
        JsonNode problem = assertProblem(server.post("/api/v1/auth/login",
                "{\"tenant\":42,\"email\":\"\",\"password\":[\"x\"],\"remember\":true}"), 400, "VALIDATION_FAILED");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("tenant", "email", "password", "remember");
    }

    @Test
    void a_login_body_that_is_not_json_is_a_400() {
        assertProblem(server.post("/api/v1/auth/login", "{\"tenant\":"), 400, "MALFORMED_JSON");
    }

    @Test
    void a_login_body_that_is_not_an_object_is_a_400() {
        assertProblem(server.post("/api/v1/auth/login", "[\"acme\",\"a@b.c\",\"pw\"]"), 400, "VALIDATION_FAILED");
    }

    @Test
    void a_refresh_body_without_the_token_is_a_400_naming_it() {
        JsonNode problem = assertProblem(server.post("/api/v1/auth/refresh", "{\"token\":\"x\"}"), 400,
                "VALIDATION_FAILED");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("refreshToken", "token");
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return server.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private static List<JsonNode> auditEvents(String token, String action) {
        HttpResponse<String> answer = server.http().get("/api/v1/audit-events?action=" + action + "&limit=100",
                bearer(token));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        json(answer).get("data").forEach(events::add);
        assertThat(events).allSatisfy(event -> assertThat(event.get("action").asText()).isEqualTo(action));
        return events;
    }

    private static String userId(String token) {
        return json(server.http().get("/api/v1/me", bearer(token))).get("id").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            assertThat(error.path("message").asText()).as(error.toString()).isNotBlank();
            fields.add(error.get("field").asText());
        });
        return fields;
    }

    private static JsonNode withoutCorrelationId(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("correlationId");
        return copy;
    }
}
