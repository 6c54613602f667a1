package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import io.erpcore.adapter.api.StandaloneServer.TenantUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each endpoint of the standalone API answers, over HTTP: successes in the wire format of
 * DESIGN section 4, and bad input as an RFC 9457 problem with a stable {@code code} (and
 * {@code errors[]} naming the field for validation), never a 5xx.
 */
class EndpointAnswersTest {

    private static final Set<String> USER_FIELDS = Set.of("id", "email", "displayName", "phone", "roles", "status",
            "createdAt", "updatedAt");
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance", "code",
            "correlationId");

    private static StandaloneServer server;
    private static TenantAccount tenant;
    private static String ownerToken;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
        tenant = server.newTenant();
        ownerToken = server.signInOwner(tenant);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- successes ----

    @Test
    void creating_a_user_answers_201_with_its_location_and_exactly_the_user_fields() {
        HttpResponse<String> created = createUser(body("email", newEmail(), "phone", "+44 20 7946 0958",
                "roles", List.of("auditor")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode user = json(created);
        assertUserShape(user);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/" + user.get("id").asText());
        assertThat(user.get("phone").asText()).isEqualTo("+44 20 7946 0958");
        assertThat(user.get("roles")).hasSize(1).first().extracting(JsonNode::asText).isEqualTo("auditor");
        assertThat(user.get("status").asText()).isEqualTo("active");
    }

    @Test
    void a_user_created_without_roles_or_phone_is_a_member_without_phone() {
        Map<String, Object> body = body();
        body.remove("roles");

        JsonNode user = json(createUser(body));

        assertThat(user.get("roles")).hasSize(1).first().extracting(JsonNode::asText).isEqualTo("member");
        assertThat(user.get("phone").isNull()).isTrue();
    }

    @Test
    void reading_a_user_answers_exactly_the_user_fields() {
        String id = json(createUser(body())).get("id").asText();

        HttpResponse<String> read = server.http().get("/api/v1/users/" + id, bearer(ownerToken));

        assertThat(read.statusCode()).isEqualTo(200);
        assertUserShape(json(read));
        assertThat(read.body()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("hash");
    }

    @Test
    void me_answers_the_caller_as_a_user() {
        HttpResponse<String> me = server.http().get("/api/v1/me", bearer(ownerToken));

        assertThat(me.statusCode()).isEqualTo(200);
        assertUserShape(json(me));
        assertThat(json(me).get("email").asText()).isEqualTo(tenant.ownerEmail());
    }

    @Test
    void login_answers_an_access_and_refresh_token_of_type_bearer() {
        HttpResponse<String> login = server.post("/api/v1/auth/login", StandaloneServer.write(Map.of("tenant", tenant.slug(),
                "email", tenant.ownerEmail(), "password", StandaloneServer.OWNER_PASSWORD)));

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokens = json(login);
        assertThat(fieldNames(tokens)).containsExactlyInAnyOrder("accessToken", "refreshToken", "tokenType", "expiresIn");
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").isIntegralNumber()).isTrue();
        assertThat(tokens.get("expiresIn").asLong()).isPositive();
    }

    @Test
    void the_user_list_is_data_and_next_cursor_of_users() {
        HttpResponse<String> list = server.http().get("/api/v1/users", bearer(ownerToken));

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = json(list);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("data", "nextCursor");
        assertThat(body.get("data")).isNotEmpty().allSatisfy(EndpointAnswersTest::assertUserShape);
    }

    @Test
    void cursor_paging_visits_every_user_exactly_once_and_ends_with_a_null_cursor() {
        TenantAccount fresh = server.newTenant();
        String token = server.signInOwner(fresh);
        Set<String> made = new HashSet<>(Set.of(json(server.http().get("/api/v1/me", bearer(token))).get("id").asText()));
        for (int i = 0; i < 6; i++) {
            made.add(server.newUser(fresh, token, "member").id());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(server.http().get("/api/v1/users?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    bearer(token)));
            page.get("data").forEach(user -> seen.add(user.get("id").asText()));
            sizes.add(page.get("data").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null && sizes.size() < 10);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void the_user_list_pages_by_20_without_a_limit() {
        TenantAccount fresh = server.newTenant();
        String token = server.signInOwner(fresh);
        for (int i = 0; i < 20; i++) {
            server.newUser(fresh, token, "member");
        }

        JsonNode first = json(server.http().get("/api/v1/users", bearer(token)));
        JsonNode second = json(server.http().get("/api/v1/users?cursor=" + first.get("nextCursor").asText(), bearer(token)));

        assertThat(first.get("data")).hasSize(20);
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void patch_changes_display_name_phone_roles_and_status() {
        JsonNode created = json(createUser(body()));
        String id = created.get("id").asText();

        HttpResponse<String> patched = server.patch("/api/v1/users/" + id, "{\"displayName\":\"Grace Hopper\","
                + "\"phone\":\"+1 (555) 010-9999\",\"roles\":[\"auditor\",\"admin\"],\"status\":\"disabled\"}",
                bearer(ownerToken));

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode read = json(server.http().get("/api/v1/users/" + id, bearer(ownerToken)));
        for (JsonNode user : List.of(json(patched), read)) {
            assertUserShape(user);
            assertThat(user.get("displayName").asText()).isEqualTo("Grace Hopper");
            assertThat(user.get("phone").asText()).isEqualTo("+1 (555) 010-9999");
            assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("auditor", "admin");
            assertThat(user.get("status").asText()).isEqualTo("disabled");
            assertThat(user.get("createdAt")).isEqualTo(created.get("createdAt"));
            assertThat(Instant.parse(user.get("updatedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(created.get("updatedAt").asText()));
        }
    }

    @Test
    void patch_with_a_null_phone_removes_the_phone_and_leaves_the_rest() {
        JsonNode created = json(createUser(body("phone", "+33 1 23 45 67 89")));

        HttpResponse<String> answer = server.patch("/api/v1/users/" + created.get("id").asText(), "{\"phone\":null}",
                bearer(ownerToken));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode patched = json(answer);
        assertThat(patched.get("phone").isNull()).isTrue();
        assertThat(patched.get("displayName")).isEqualTo(created.get("displayName"));
        assertThat(patched.get("roles")).isEqualTo(created.get("roles"));
    }

    @Test
    void delete_answers_204_then_the_user_is_404() {
        String id = json(createUser(body())).get("id").asText();

        HttpResponse<String> deleted = server.delete("/api/v1/users/" + id, bearer(ownerToken));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertProblem(server.http().get("/api/v1/users/" + id, bearer(ownerToken)), 404, "NOT_FOUND");
        assertProblem(server.delete("/api/v1/users/" + id, bearer(ownerToken)), 404, "NOT_FOUND");
    }

    @Test
    void a_deleted_user_cannot_use_its_token() {
        TenantUser user = server.newUser(tenant, ownerToken, "member");

        server.delete("/api/v1/users/" + user.id(), bearer(ownerToken));

        assertThat(server.http().get("/api/v1/me", bearer(user.token())).statusCode()).isEqualTo(401);
    }

    @Test
    void an_api_key_is_shown_once_when_created_and_never_in_the_list() {
        HttpResponse<String> created = server.post("/api/v1/api-keys", "{\"name\":\"ci\",\"scopes\":[\"users:read\"]}",
                bearer(ownerToken));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.get("key").asText()).isNotBlank();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + key.get("id").asText());
        HttpResponse<String> list = server.http().get("/api/v1/api-keys", bearer(ownerToken));
        assertThat(fieldNames(json(list))).containsExactlyInAnyOrder("data", "nextCursor");
        assertThat(json(list).get("data")).anySatisfy(listed -> assertThat(listed.get("id")).isEqualTo(key.get("id")))
                .allSatisfy(listed -> assertThat(listed.has("key")).isFalse());
        assertThat(list.body()).doesNotContain(key.get("key").asText());
    }

    @Test
    void a_revoked_api_key_is_204_then_404() {
        String id = json(server.post("/api/v1/api-keys", "{\"name\":\"old\",\"scopes\":[\"users:read\"]}",
                bearer(ownerToken))).get("id").asText();

        assertThat(server.delete("/api/v1/api-keys/" + id, bearer(ownerToken)).statusCode()).isEqualTo(204);
        assertProblem(server.delete("/api/v1/api-keys/" + id, bearer(ownerToken)), 404, "NOT_FOUND");
    }

    @Test
    void audit_events_are_listed_and_verified_in_the_wire_format() {
        createUser(body());

        JsonNode list = json(server.http().get("/api/v1/audit-events", bearer(ownerToken)));
        JsonNode verify = json(server.http().get("/api/v1/audit-events/verify", bearer(ownerToken)));

        assertThat(fieldNames(list)).containsExactlyInAnyOrder("data", "nextCursor");
        assertThat(list.get("data")).isNotEmpty().allSatisfy(event -> assertThat(fieldNames(event))
                .contains("id", "seq", "action", "actorId", "resource", "before", "after", "at", "hash"));
        assertThat(fieldNames(verify)).contains("valid", "checked", "head", "firstBrokenSeq");
        assertThat(verify.get("valid").asBoolean()).isTrue();
        assertThat(verify.get("firstBrokenSeq").isNull()).isTrue();
    }

    // ---- failures ----

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({"Ada.Lovelace@EXAMPLE.org, ada.lovelace@example.org", "ada.lovelace@example.org, ADA.LOVELACE@EXAMPLE.ORG",
        "ada.lovelace@example.org, ada.lovelace@example.org"})
    void a_taken_e_mail_in_any_case_is_409_email_taken(String second, String first) {
        String unique = Long.toHexString(System.nanoTime());
        assertThat(createUser(body("email", unique + first)).statusCode()).isEqualTo(201);

        assertProblem(createUser(body("email", unique + second)), 409, "EMAIL_TAKEN");
    }

    @ParameterizedTest(name = "password \"{0}\"")
    @ValueSource(strings = {"short", "elevenchars", "unbelievable", "UNBELIEVABLE", "margaret in the garden"})
    void a_weak_password_is_400_naming_the_password(String password) {
        HttpResponse<String> answer = createUser(body("email", "margaret@x" + System.nanoTime() + ".example",
                "password", password));

        assertInvalid(answer, "password");
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        assertInvalid(createUser(body("nickname", "Ada")), "nickname");
    }

    @Test
    void an_unknown_field_in_a_patch_is_400_naming_it() {
        String id = json(createUser(body())).get("id").asText();

        assertInvalid(server.patch("/api/v1/users/" + id, "{\"password\":\"a new long passphrase\"}", bearer(ownerToken)),
                "password");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"email|5", "displayName|true", "password|[\"a\"]", "roles|\"admin\"",
        "roles|[1]", "roles|{\"0\":\"admin\"}", "phone|4420794609", "email|null", "displayName|{}"})
    void a_field_of_the_wrong_type_is_400_naming_it(String field, String value) {
        Map<String, Object> body = body();
        body.remove(field);
        String text = StandaloneServer.write(body);
        text = text.substring(0, text.length() - 1) + ",\"" + field + "\":" + value + "}";

        assertInvalid(createUser(text), field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"displayName|5", "displayName|null", "status|true", "status|\"suspended\"",
        "roles|\"owner\"", "phone|[]"})
    void a_patch_field_of_the_wrong_type_or_value_is_400_naming_it(String field, String value) {
        String id = json(createUser(body())).get("id").asText();

        assertInvalid(server.patch("/api/v1/users/" + id, "{\"" + field + "\":" + value + "}", bearer(ownerToken)), field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"displayName|\"\"", "displayName|\"   \"", "email|\"no-at-sign\"",
        "email|\"a@b\"", "displayName|\"Ada\\u0000Lovelace\"",
        "email|\"ada\\u0000@example.org\""})
    void a_field_with_a_bad_value_is_400_naming_it(String field, String value) {
        Map<String, Object> body = body();
        body.remove(field);
        String text = StandaloneServer.write(body);

        assertInvalid(createUser(text.substring(0, text.length() - 1) + ",\"" + field + "\":" + value + "}"), field);
    }

    @Test
    void a_display_name_longer_than_200_characters_is_400() {
        assertInvalid(createUser(body("displayName", "a".repeat(201))), "displayName");
    }

    @Test
    void a_display_name_of_200_characters_outside_the_basic_plane_is_accepted() {
        HttpResponse<String> created = createUser(body("displayName", "\uD83D\uDE00".repeat(200)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "displayName {0}")
    @ValueSource(strings = {"\"Ada\\u0000\"", "\"\"", "\"   \""})
    void a_bad_display_name_in_a_patch_is_400_naming_it(String value) {
        String id = json(createUser(body())).get("id").asText();

        assertInvalid(server.patch("/api/v1/users/" + id, "{\"displayName\":" + value + "}", bearer(ownerToken)),
                "displayName");
    }

    @Test
    void a_nul_character_in_a_login_is_refused_without_a_5xx() {
        HttpResponse<String> login = server.post("/api/v1/auth/login", "{\"tenant\":\"" + tenant.slug()
                + "\",\"email\":\"owner\\u0000@x.example\",\"password\":\"whatever it is\"}");

        assertThat(login.statusCode()).as(login.body()).isIn(400, 401);
        assertProblemShape(login);
    }

    @Test
    void a_nul_character_in_an_api_key_name_is_400() {
        assertInvalid(server.post("/api/v1/api-keys", "{\"name\":\"ci\\u0000\",\"scopes\":[\"users:read\"]}",
                bearer(ownerToken)), "name");
    }

    // JSON may escape half a surrogate pair; UTF-8 cannot encode one, so it would be stored as '?'.
    @ParameterizedTest(name = "displayName {0}")
    @ValueSource(strings = {"\"Ada\\ud800\"", "\"\\udc00Ada\"", "\"Ada\\udc00\\ud800\"", "\"\\udbff\""})
    void a_display_name_with_an_unpaired_surrogate_is_400_rather_than_stored_altered(String value) {
        Map<String, Object> body = body();
        body.remove("displayName");
        String text = StandaloneServer.write(body);

        assertInvalid(createUser(text.substring(0, text.length() - 1) + ",\"displayName\":" + value + "}"), "displayName");
    }

    @Test
    void an_unpaired_surrogate_in_an_api_key_name_is_400() {
        assertInvalid(server.post("/api/v1/api-keys", "{\"name\":\"ci\\ud800\",\"scopes\":[\"users:read\"]}",
                bearer(ownerToken)), "name");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{", "{\"email\":", "not json", "{\"email\":\"a@b.example\"} {}",
        "{\"email\":\"a@b.example\",\"email\":\"c@d.example\"}", "", "{'email':'a@b.example'}"})
    void malformed_json_is_400_malformed_json(String text) {
        assertProblem(createUser(text), 400, "MALFORMED_JSON");
    }

    @Test
    void malformed_json_in_a_patch_is_400_malformed_json() {
        String id = json(createUser(body())).get("id").asText();

        assertProblem(server.patch("/api/v1/users/" + id, "{\"displayName\"", bearer(ownerToken)), 400, "MALFORMED_JSON");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void json_that_is_not_an_object_is_400(String text) {
        HttpResponse<String> answer = createUser(text);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertProblemShape(answer);
    }

    @ParameterizedTest(name = "roles {0}")
    @ValueSource(strings = {"superuser", "Owner", "ADMIN", "", "member "})
    void an_unknown_role_is_400_naming_roles(String role) {
        assertInvalid(createUser(body("roles", List.of("member", role))), "roles");
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"call me", "12", "", "+44 20 7946 0958 ext. 12", "++44 20 7946 0958",
        "+4420794609584420794609584420794609"})
    void an_invalid_phone_is_400_naming_phone(String phone) {
        assertInvalid(createUser(body("phone", phone)), "phone");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", "99999999999"})
    void a_bad_limit_is_400_naming_limit(String limit) {
        assertInvalid(server.http().get("/api/v1/users?limit=" + limit, bearer(ownerToken)), "limit");
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"garbage", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F",
        "f_______________________________"})
    void a_bad_cursor_is_400_naming_cursor(String cursor) {
        assertInvalid(server.http().get("/api/v1/users?cursor=" + cursor, bearer(ownerToken)), "cursor");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit=0", "limit=abc", "cursor=garbage", "from=yesterday", "actorId=42"})
    void a_bad_audit_query_is_400(String query) {
        HttpResponse<String> answer = server.http().get("/api/v1/audit-events?" + query, bearer(ownerToken));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertProblemShape(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"scopes|{\"name\":\"k\",\"scopes\":[\"not a permission\"]}",
        "scopes|{\"name\":\"k\",\"scopes\":[]}", "scopes|{\"name\":\"k\"}", "name|{\"scopes\":[\"users:read\"]}",
        "name|{\"name\":\"\",\"scopes\":[\"users:read\"]}",
        "expiresAt|{\"name\":\"k\",\"scopes\":[\"users:read\"],\"expiresAt\":\"tomorrow\"}",
        "expiresAt|{\"name\":\"k\",\"scopes\":[\"users:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
        "owner|{\"name\":\"k\",\"scopes\":[\"users:read\"],\"owner\":\"me\"}"})
    void a_bad_api_key_request_is_400_naming_the_field(String field, String text) {
        assertInvalid(server.post("/api/v1/api-keys", text, bearer(ownerToken)), field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20"})
    void an_unknown_user_id_is_404(String id) {
        assertProblem(server.http().get("/api/v1/users/" + id, bearer(ownerToken)), 404, "NOT_FOUND");
        assertProblem(server.patch("/api/v1/users/" + id, "{\"displayName\":\"X\"}", bearer(ownerToken)), 404, "NOT_FOUND");
        assertProblem(server.delete("/api/v1/users/" + id, bearer(ownerToken)), 404, "NOT_FOUND");
    }

    @Test
    void an_unknown_api_key_id_is_404() {
        assertProblem(server.delete("/api/v1/api-keys/" + UUID.randomUUID(), bearer(ownerToken)), 404, "NOT_FOUND");
        assertProblem(server.delete("/api/v1/api-keys/not-a-uuid", bearer(ownerToken)), 404, "NOT_FOUND");
    }

    // ---- helpers ----

    private static String newEmail() {
        return "u" + System.nanoTime() + "@" + tenant.slug() + ".example";
    }

    /** A valid creation body with {@code changes} (name, value, ...) applied. */
    private static Map<String, Object> body(Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", newEmail());
        body.put("displayName", "Ada Lovelace");
        body.put("password", StandaloneServer.USER_PASSWORD);
        body.put("roles", List.of("member"));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            body.put((String) changes[i], changes[i + 1]);
        }
        return body;
    }

    private static HttpResponse<String> createUser(Map<String, Object> body) {
        return createUser(StandaloneServer.write(body));
    }

    private static HttpResponse<String> createUser(String text) {
        return server.post("/api/v1/users", text, bearer(ownerToken));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertUserShape(JsonNode user) {
        assertThat(fieldNames(user)).isEqualTo(USER_FIELDS);
        assertThat(UUID.fromString(user.get("id").asText())).isNotNull();
        assertThat(user.get("roles").isArray()).isTrue();
        assertThat(Instant.parse(user.get("createdAt").asText())).isNotNull();
        assertThat(user.get("createdAt").asText()).endsWith("Z");
        assertThat(Instant.parse(user.get("updatedAt").asText())).isNotNull();
    }

    private static void assertProblemShape(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(answer);
        assertThat(fieldNames(problem)).containsAll(PROBLEM_FIELDS);
        assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
        assertThat(problem.get("code").asText()).matches("[A-Z][A-Z_]+");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.erpcore").doesNotContainIgnoringCase("sql");
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertProblemShape(answer);
        assertThat(json(answer).get("code").asText()).isEqualTo(code);
    }

    /** 400 {@code VALIDATION_FAILED} whose {@code errors[]} names {@code field}. */
    private static void assertInvalid(HttpResponse<String> answer, String field) {
        assertProblem(answer, 400, "VALIDATION_FAILED");
        List<String> fields = StreamSupport.stream(json(answer).get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList();
        assertThat(fields).as(answer.body()).contains(field);
        assertThat(json(answer).get("errors")).allSatisfy(error -> assertThat(error.get("message").asText()).isNotBlank());
    }
}
