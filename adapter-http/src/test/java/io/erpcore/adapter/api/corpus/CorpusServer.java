package io.erpcore.adapter.api.corpus;

import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.erpcore.adapter.api.RawHttp;
import io.erpcore.adapter.api.StandaloneServer;
import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import io.erpcore.adapter.api.corpus.ApiRoute.Access;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server the bad-input corpus is sent to, and what the corpus needs of it: a tenant with its
 * owner's token, a user and a tenant to aim changes at, a second tenant to name, and the table of
 * every route of the standalone API (AuthRoutes, UserRoutes, ApiKeyRoutes, AuditEventRoutes,
 * TenantRoutes and the operational endpoints) with a valid body for each that takes one.
 */
final class CorpusServer implements AutoCloseable {

    static final String OPS_TOKEN = "ops-token-of-the-corpus-0123456789abcdef";
    static final String METRICS_TOKEN = "metrics-token-of-the-corpus-0123456789ab";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StandaloneServer api;
    final TenantAccount tenant;
    final TenantAccount otherTenant;
    final String ownerToken;
    final String victimUserId;
    final String spareTenantId;
    private final AtomicLong fresh = new AtomicLong();

    private CorpusServer(StandaloneServer server) {
        this.api = server;
        this.tenant = server.newTenant();
        this.otherTenant = server.newTenant();
        this.spareTenantId = server.newTenant().id();
        this.ownerToken = server.signInOwner(tenant);
        this.victimUserId = server.newUser(tenant, ownerToken, "member").id();
        for (int i = 0; i < 3; i++) {
            server.newUser(tenant, ownerToken, "auditor");
            server.post("/api/v1/api-keys", "{\"name\":\"corpus\",\"scopes\":[\"users:read\"]}", bearer(ownerToken));
        }
        server.newUser(otherTenant, server.signInOwner(otherTenant), "member");
    }

    /**
     * A server whose failed-login limits do not get in the way (the corpus sends hundreds of bad
     * logins from one address, and they must reach the handler), with both operational tokens set.
     */
    static CorpusServer start() {
        return new CorpusServer(StandaloneServer.start("AUTH_RATE_LIMIT_MAX", "1000000", "AUTH_IP_RATE_LIMIT_MAX",
                "1000000", "OPS_TOKEN", OPS_TOKEN, "METRICS_TOKEN", METRICS_TOKEN));
    }

    RawHttp raw() {
        return RawHttp.on(api.port());
    }

    /**
     * Cursors the lists really handed out: of this tenant's users, keys and audit events, of the
     * tenants, and of the other tenant's users and audit events. Each is well-formed for some list.
     */
    List<String> handedOutCursors() {
        String otherOwner = api.signInOwner(otherTenant);
        return List.of(cursor("/api/v1/users", ownerToken), cursor("/api/v1/api-keys", ownerToken),
                cursor("/api/v1/audit-events", ownerToken), cursor("/api/v1/tenants", StandaloneServer.PLATFORM_TOKEN),
                cursor("/api/v1/users", otherOwner), cursor("/api/v1/audit-events", otherOwner));
    }

    private String cursor(String list, String token) {
        String cursor = json(api.http().get(list + "?limit=1", bearer(token))).path("nextCursor").asText(null);
        if (cursor == null) {
            throw new IllegalStateException(list + " has a single page");
        }
        return cursor;
    }

    /** Every route of the standalone API. */
    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.withBody("POST", "/api/v1/auth/login", Access.PUBLIC, () -> object("tenant", tenant.slug(),
                        "email", tenant.ownerEmail(), "password", "not the owner's password at all")),
                ApiRoute.withBody("POST", "/api/v1/auth/refresh", Access.PUBLIC, () -> object("refreshToken",
                        "rt-that-nobody-was-given")),
                ApiRoute.withBody("POST", "/api/v1/auth/logout", Access.TENANT, () -> object("refreshToken",
                        "rt-that-nobody-was-given").put("all", false)),
                ApiRoute.of("GET", "/api/v1/me", Access.TENANT),
                ApiRoute.of("GET", "/api/v1/users", Access.TENANT, "limit", "cursor"),
                ApiRoute.withBody("POST", "/api/v1/users", Access.TENANT, this::newUser),
                ApiRoute.of("GET", "/api/v1/users/{id}", Access.TENANT),
                ApiRoute.withBody("PATCH", "/api/v1/users/{id}", Access.TENANT, () -> object("displayName", "Victim",
                        "phone", "+1 555 0100", "status", "active").set("roles", NODES.arrayNode().add("member"))),
                ApiRoute.of("DELETE", "/api/v1/users/{id}", Access.TENANT),
                ApiRoute.of("GET", "/api/v1/api-keys", Access.TENANT, "limit", "cursor"),
                ApiRoute.withBody("POST", "/api/v1/api-keys", Access.TENANT, () -> object("name", "corpus key",
                        "expiresAt", "2099-01-01T00:00:00Z").set("scopes", NODES.arrayNode().add("users:read"))),
                ApiRoute.of("DELETE", "/api/v1/api-keys/{id}", Access.TENANT),
                ApiRoute.of("GET", "/api/v1/audit-events", Access.TENANT, "action", "actorId", "from", "until", "limit",
                        "cursor"),
                ApiRoute.of("GET", "/api/v1/audit-events/verify", Access.TENANT, "head"),
                ApiRoute.of("GET", "/api/v1/tenants", Access.PLATFORM, "limit", "cursor"),
                ApiRoute.withBody("POST", "/api/v1/tenants", Access.PLATFORM, this::newTenant),
                ApiRoute.of("GET", "/api/v1/tenants/{id}", Access.PLATFORM),
                ApiRoute.withBody("PATCH", "/api/v1/tenants/{id}", Access.PLATFORM, () -> object("name", "Spare",
                        "status", "active").put("rateLimitMax", 100_000)),
                ApiRoute.of("GET", "/ping", Access.OPERATIONAL),
                ApiRoute.of("GET", "/health", Access.OPERATIONAL),
                ApiRoute.of("GET", "/health/live", Access.OPERATIONAL),
                ApiRoute.of("GET", "/health/ready", Access.OPERATIONAL),
                ApiRoute.of("GET", "/health/detailed", Access.OPERATIONAL),
                ApiRoute.of("GET", "/metrics", Access.OPERATIONAL));
    }

    /** The credentials a route admits, as header name and value: what "authenticated" means for it. */
    List<String> credentials(ApiRoute route) {
        return switch (route.access()) {
            case PLATFORM -> List.of(bearer(StandaloneServer.PLATFORM_TOKEN));
            case OPERATIONAL -> route.path().equals("/metrics") ? List.of(bearer(METRICS_TOKEN))
                    : List.of(bearer(OPS_TOKEN));
            case TENANT, PUBLIC -> List.of(bearer(ownerToken));
        };
    }

    /**
     * The id a route's path is sent with when the id is not what is being mutated: the victim user
     * or the spare tenant to read or change, and an id nobody has for deletions, so that no probe
     * removes what later ones aim at.
     */
    String usualId(ApiRoute route) {
        if (route.method().equals("DELETE")) {
            return UUID.randomUUID().toString();
        }
        return route.path().startsWith("/api/v1/tenants") ? spareTenantId : victimUserId;
    }

    private ObjectNode newUser() {
        return object("email", "corpus-" + fresh.incrementAndGet() + "@" + tenant.slug() + ".example",
                "displayName", "Corpus user", "password", StandaloneServer.USER_PASSWORD, "phone", "+44 20 7946 0958")
                .set("roles", NODES.arrayNode().add("member"));
    }

    private ObjectNode newTenant() {
        long n = fresh.incrementAndGet();
        ObjectNode body = object("slug", "corpus-" + n + "-" + tenant.slug().substring(2, 8), "name", "Corpus tenant");
        body.set("admin", object("email", "owner-" + n + "@corpus.example", "displayName", "Corpus owner",
                "password", StandaloneServer.OWNER_PASSWORD));
        return body;
    }

    private static ObjectNode object(String... namesAndValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    @Override
    public void close() {
        api.close();
    }
}
