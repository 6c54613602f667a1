package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import io.erpcore.adapter.api.StandaloneServer.TenantUser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every tenant route of the standalone API, over HTTP. The expected answer of a
 * cell is derived from the roles table of DESIGN section 4, written out again below, and the
 * permission each route declares: a role holding it reaches the handler, which succeeds; any other
 * is refused with 403 {@code PERMISSION_DENIED}. The table is repeated here rather than read from
 * {@code Role}, so that the code cannot agree with itself.
 */
class RolesMatrixTest {

    /** The roles table of DESIGN section 4. */
    private static final Map<String, Set<String>> ROLES = Map.of(
            "owner", Set.of("*"),
            "admin", Set.of("users:read", "users:write", "apikeys:read", "apikeys:write", "audit:read"),
            "auditor", Set.of("users:read", "audit:read"),
            "member", Set.of("me:read"));

    /** What every user holds besides the table: reading their own account (README, the standalone API). */
    private static final String SELF = "me:read";

    private static StandaloneServer server;
    private static TenantAccount tenant;
    private static String ownerToken;
    private static final Map<String, TenantUser> CALLERS = new HashMap<>();
    /** The user that reading and changing cells address. */
    private static TenantUser target;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
        tenant = server.newTenant();
        ownerToken = server.signInOwner(tenant);
        ROLES.keySet().forEach(role -> CALLERS.put(role, server.newUser(tenant, ownerToken, role)));
        target = server.newUser(tenant, ownerToken, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> cells() {
        return List.of("owner", "admin", "auditor", "member").stream()
                .flatMap(role -> Stream.of(Route.values()).map(route -> Arguments.of(role, route)));
    }

    @ParameterizedTest(name = "{0} calls {1}")
    @MethodSource("cells")
    void a_role_reaches_a_route_exactly_when_its_permissions_grant_the_routes_permission(String role, Route route) {
        HttpResponse<String> answer = route.call.apply(CALLERS.get(role));

        if (allowed(role, route)) {
            assertThat(answer.statusCode()).as("%s %s answered %s", role, route, answer.body())
                    .isEqualTo(route.success);
        } else {
            assertThat(answer.statusCode()).as("%s %s answered %s", role, route, answer.body()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(json(answer).get("code").asText()).isEqualTo("PERMISSION_DENIED");
        }
    }

    /** Whether the roles table, or being a user at all, gives {@code role} the permission {@code route} declares. */
    private static boolean allowed(String role, Route route) {
        return route.permission.isEmpty() || grants(SELF, route.permission.get())
                || ROLES.get(role).stream().anyMatch(held -> grants(held, route.permission.get()));
    }

    /** {@code resource:action}, either part {@code *}; {@code *} alone grants everything. */
    private static boolean grants(String held, String required) {
        if (held.equals("*")) {
            return true;
        }
        String[] having = held.split(":");
        String[] needing = required.split(":");
        return (having[0].equals("*") || having[0].equals(needing[0]))
                && (having[1].equals("*") || having[1].equals(needing[1]));
    }

    /** The tenant routes, each with the permission it declares, its success status and a call that should succeed. */
    enum Route {
        LIST_USERS("GET /api/v1/users", "users:read", 200,
                caller -> server.http().get("/api/v1/users", bearer(caller.token()))),
        CREATE_USER("POST /api/v1/users", "users:write", 201,
                caller -> server.post("/api/v1/users", newMember(), bearer(caller.token()))),
        READ_USER("GET /api/v1/users/{id}", "users:read", 200,
                caller -> server.http().get("/api/v1/users/" + target.id(), bearer(caller.token()))),
        CHANGE_USER("PATCH /api/v1/users/{id}", "users:write", 200,
                caller -> server.patch("/api/v1/users/" + target.id(), "{\"displayName\":\"Renamed\"}",
                        bearer(caller.token()))),
        DELETE_USER("DELETE /api/v1/users/{id}", "users:write", 204,
                caller -> server.delete("/api/v1/users/" + server.newUser(tenant, ownerToken, "member").id(),
                        bearer(caller.token()))),
        LIST_API_KEYS("GET /api/v1/api-keys", "apikeys:read", 200,
                caller -> server.http().get("/api/v1/api-keys", bearer(caller.token()))),
        CREATE_API_KEY("POST /api/v1/api-keys", "apikeys:write", 201,
                caller -> server.post("/api/v1/api-keys", "{\"name\":\"matrix\",\"scopes\":[\"users:read\"]}",
                        bearer(caller.token()))),
        REVOKE_API_KEY("DELETE /api/v1/api-keys/{id}", "apikeys:write", 204,
                caller -> server.delete("/api/v1/api-keys/" + ownersNewKey(), bearer(caller.token()))),
        LIST_AUDIT_EVENTS("GET /api/v1/audit-events", "audit:read", 200,
                caller -> server.http().get("/api/v1/audit-events", bearer(caller.token()))),
        VERIFY_AUDIT_TRAIL("GET /api/v1/audit-events/verify", "audit:read", 200,
                caller -> server.http().get("/api/v1/audit-events/verify", bearer(caller.token()))),
        ME("GET /api/v1/me", "me:read", 200,
                caller -> server.http().get("/api/v1/me", bearer(caller.token()))),
        LOGOUT("POST /api/v1/auth/logout", null, 204,
                caller -> server.post("/api/v1/auth/logout", "{\"refreshToken\":\"" + newRefreshToken(caller) + "\"}",
                        bearer(caller.token())));

        private final String label;
        private final Optional<String> permission;
        private final int success;
        private final Function<TenantUser, HttpResponse<String>> call;

        Route(String label, String permission, int success, Function<TenantUser, HttpResponse<String>> call) {
            this.label = label;
            this.permission = Optional.ofNullable(permission);
            this.success = success;
            this.call = call;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static String newMember() {
        return StandaloneServer.write(Map.of("email", "new-" + System.nanoTime() + "@" + tenant.slug() + ".example",
                "displayName", "New", "password", StandaloneServer.USER_PASSWORD, "roles", List.of("member")));
    }

    /** A key the owner has just created, for a revoking cell to revoke. */
    private static String ownersNewKey() {
        HttpResponse<String> created = server.post("/api/v1/api-keys", "{\"name\":\"to revoke\",\"scopes\":[\"users:read\"]}",
                bearer(ownerToken));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    /** A refresh token of a new sign-in of {@code caller}, for a logout cell to end. */
    private static String newRefreshToken(TenantUser caller) {
        HttpResponse<String> login = server.post("/api/v1/auth/login", StandaloneServer.write(Map.of("tenant", tenant.slug(),
                "email", caller.email(), "password", StandaloneServer.USER_PASSWORD)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json(login).get("refreshToken").asText();
    }
}
