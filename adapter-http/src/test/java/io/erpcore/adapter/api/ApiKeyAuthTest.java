package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.Problems.assertProblem;
import static io.erpcore.adapter.api.StandaloneServer.OWNER_PASSWORD;
import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.security.ApiKeys;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys end to end: made by an owner, used as {@code Authorization: ApiKey <key>}, scoped, revoked. */
class ApiKeyAuthTest {

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
    void an_owner_creates_a_key_that_is_shown_once_in_the_creation_answer() {
        String owner = owner();

        HttpResponse<String> created = create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("key").asText()).startsWith("erp1_").hasSize(82);
        assertThat(body.get("key").asText()).contains("_" + body.get("prefix").asText() + "_");
        assertThat(body.get("name").asText()).isEqualTo("reporting");
        assertThat(body.get("scopes")).extracting(JsonNode::asText).containsExactly("users:read");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + body.get("id").asText());
    }

    @Test
    void a_key_with_users_read_lists_the_users() {
        String owner = owner();
        String key = json(create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}")).get("key").asText();

        HttpResponse<String> users = server.http().get("/api/v1/users", apiKey(key));

        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(json(users).get("data")).isNotEmpty();
    }

    @Test
    void a_key_with_users_read_cannot_create_users() {
        String owner = owner();
        String key = json(create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}")).get("key").asText();

        HttpResponse<String> created = server.post("/api/v1/users", "{\"email\":\"intruder@example.com\","
                + "\"displayName\":\"Intruder\",\"password\":\"an unguessable long passphrase\",\"roles\":[\"owner\"]}",
                apiKey(key));

        assertProblem(created, 403, "PERMISSION_DENIED");
    }

    @Test
    void a_revoked_key_is_refused_within_five_seconds() {
        String owner = owner();
        JsonNode created = json(create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}"));
        String key = created.get("key").asText();
        assertThat(server.http().get("/api/v1/users", apiKey(key)).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = server.delete("/api/v1/api-keys/" + created.get("id").asText(), bearer(owner));

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertProblem(Eventually.refused(Eventually.WITHIN_STATUS_CACHE,
                () -> server.http().get("/api/v1/users", apiKey(key))), 401, "INVALID_API_KEY");
    }

    @Test
    void a_key_expiring_in_the_past_is_refused_at_creation() {
        String owner = owner();

        HttpResponse<String> created = create(owner, "{\"name\":\"stale\",\"scopes\":[\"users:read\"],\"expiresAt\":\""
                + Instant.now().minusSeconds(3600) + "\"}");

        JsonNode problem = assertProblem(created, 400, "VALIDATION_FAILED");
        assertThat(problem.get("errors")).extracting(error -> error.get("field").asText()).containsExactly("expiresAt");
    }

    @Test
    void the_list_never_shows_a_key_or_its_hash() {
        String owner = owner();
        String key = json(create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}")).get("key").asText();

        HttpResponse<String> list = server.http().get("/api/v1/api-keys", bearer(owner));

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode listed = json(list).get("data");
        assertThat(listed).hasSize(1);
        assertThat(fieldNames(listed.get(0))).containsExactlyInAnyOrder("id", "name", "prefix", "scopes", "createdBy",
                "createdAt", "expiresAt", "lastUsedAt", "revokedAt");
        // The secret follows the visible prefix; base64url may hold '_' itself, so no splitting on it.
        String prefix = listed.get(0).get("prefix").asText();
        String secret = key.substring(key.indexOf("_" + prefix + "_") + prefix.length() + 2);
        assertThat(secret).hasSizeGreaterThan(40);
        assertThat(list.body()).doesNotContain(key).doesNotContain(secret).doesNotContain(ApiKeys.hash(key));
    }

    @Test
    void an_unknown_key_of_the_right_shape_is_refused() {
        String owner = owner();
        String key = json(create(owner, "{\"name\":\"reporting\",\"scopes\":[\"users:read\"]}")).get("key").asText();
        char last = key.charAt(key.length() - 1);
        String forged = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertProblem(server.http().get("/api/v1/users", apiKey(forged)), 401, "INVALID_API_KEY");
    }

    @Test
    void a_key_of_garbage_is_refused() {
        assertProblem(server.http().get("/api/v1/users", apiKey("erp1_garbage")), 401, "INVALID_API_KEY");
    }

    /** The access token of the owner of a new tenant. */
    private static String owner() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        return server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
    }

    private static HttpResponse<String> create(String owner, String body) {
        return server.post("/api/v1/api-keys", body, bearer(owner));
    }

    private static String[] apiKey(String key) {
        return new String[] {"Authorization", "ApiKey " + key};
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
