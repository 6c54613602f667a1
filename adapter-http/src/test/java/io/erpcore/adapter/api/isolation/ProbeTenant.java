package io.erpcore.adapter.api.isolation;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.StandaloneServer;
import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One tenant of the isolation probe, made through the API as a client would: its owner, an admin,
 * an auditor and three members (each signed in), two API keys (one holding every scope of the
 * roles table, one to aim at), a member's sign-in whose refresh token others try to log out, and
 * the cursors of its three lists. What the probe learns later (users and keys it creates, audit
 * events it is shown) is recorded here, so that every row answered can be checked against what
 * belongs to this tenant.
 */
final class ProbeTenant {

    /** What a caller presents: a role's access token or the tenant's API key. */
    enum Credential { OWNER, ADMIN, AUDITOR, MEMBER, API_KEY }

    private static final String ALL_SCOPES = "[\"users:read\",\"users:write\",\"apikeys:read\",\"apikeys:write\",\"audit:read\"]";

    final int index;
    final TenantAccount account;
    /** The users made at set-up: the owner, admin, auditor and three members, in this order. */
    final List<String> users;
    /** The keys made at set-up: the one callers use, and one only to aim at. */
    final List<String> keys;
    final String usersCursor;
    final String keysCursor;
    final String auditCursor;
    /** Every user and key id of this tenant, set-up and later. */
    final Set<String> knownUsers = ConcurrentHashMap.newKeySet();
    final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
    /** Every audit event id this tenant was shown. */
    final Set<String> auditEventsShown = ConcurrentHashMap.newKeySet();

    private final String[] tokens;
    private final String apiKey;
    private String memberRefreshToken;

    private ProbeTenant(int index, StandaloneServer server) {
        this.index = index;
        this.account = server.newTenant();
        String owner = server.signInOwner(account);
        List<String> made = new ArrayList<>();
        made.add(json(server.http().get("/api/v1/me", bearer(owner))).get("id").asText());
        List<String> signedIn = new ArrayList<>(List.of(owner));
        List<String> emails = new ArrayList<>(List.of(account.ownerEmail()));
        for (String role : List.of("admin", "auditor", "member", "member", "member")) {
            StandaloneServer.TenantUser user = server.newUser(account, owner, role);
            made.add(user.id());
            signedIn.add(user.token());
            emails.add(user.email());
        }
        this.users = List.copyOf(made);
        this.tokens = signedIn.subList(0, 4).toArray(String[]::new);
        JsonNode key = created(server.post("/api/v1/api-keys", "{\"name\":\"probe\",\"scopes\":" + ALL_SCOPES + "}",
                bearer(owner)));
        this.apiKey = key.get("key").asText();
        this.keys = List.of(key.get("id").asText(), created(server.post("/api/v1/api-keys",
                "{\"name\":\"target\",\"scopes\":[\"users:read\"]}", bearer(owner))).get("id").asText());
        knownUsers.addAll(users);
        knownKeys.addAll(keys);
        this.memberRefreshToken = json(server.login(account.slug(), emails.get(3), StandaloneServer.USER_PASSWORD))
                .get("refreshToken").asText();
        this.usersCursor = cursor(server, "/api/v1/users", owner);
        this.keysCursor = cursor(server, "/api/v1/api-keys", owner);
        this.auditCursor = cursor(server, "/api/v1/audit-events", owner);
    }

    /** A tenant made on {@code server}, number {@code index} of the probe. */
    static ProbeTenant create(int index, StandaloneServer server) {
        return new ProbeTenant(index, server);
    }

    /** The {@code Authorization} header of {@code credential}, as name and value. */
    String[] authorization(Credential credential) {
        return credential == Credential.API_KEY ? new String[] {"Authorization", "ApiKey " + apiKey}
                : bearer(tokens[credential.ordinal()]);
    }

    String id() {
        return account.id();
    }

    /** Runs {@code use} with the member's current refresh token, storing the one it answers; one caller at a time. */
    synchronized void withMemberSession(UnaryOperator<String> use) {
        memberRefreshToken = use.apply(memberRefreshToken);
    }

    private static JsonNode created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("set-up answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer);
    }

    private static String cursor(StandaloneServer server, String list, String token) {
        JsonNode page = json(server.http().get(list + "?limit=1", bearer(token)));
        if (page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()) {
            throw new IllegalStateException(list + " has a single page: " + page);
        }
        return page.get("nextCursor").asText();
    }

    @Override
    public String toString() {
        return "tenant " + index;
    }
}
