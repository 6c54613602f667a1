package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.ApiKeyRow;
import io.erpcore.adapter.jdbi.InvalidPageRequestException;
import io.erpcore.adapter.jdbi.JdbiApiKeyRepository;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.security.ApiKeys;
import io.erpcore.security.Grants;
import io.erpcore.security.NewApiKey;
import io.erpcore.security.Permission;
import io.erpcore.security.Principal;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API keys of the caller's own tenant: {@code GET /api/v1/api-keys} (oldest first, {@code limit}
 * 1..100, default 20, {@code cursor}) with {@code apikeys:read};
 * {@code POST /api/v1/api-keys} and {@code DELETE /api/v1/api-keys/{id}} with {@code apikeys:write}.
 *
 * <p>A new key is answered once, in the creation's answer, and stored only as its hash; its
 * visible {@code prefix} finds it again. Its scopes are permissions the creator holds, no wider
 * (403 otherwise), and it acts for its creator, so it also shrinks when the creator loses them.
 * Creating and revoking are recorded in the tenant's audit trail.
 */
public final class ApiKeyRoutes {

    /** What listing keys needs. */
    public static final String READ = "apikeys:read";
    /** What creating and revoking keys needs. */
    public static final String WRITE = "apikeys:write";

    private final JdbiApiKeyRepository keys;
    private final Clock clock;

    private ApiKeyRoutes(JdbiApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Registers the three routes. */
    public static void register(ApiRoutes routes, JdbiApiKeyRepository keys, Clock clock) {
        ApiKeyRoutes handlers = new ApiKeyRoutes(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(clock, "clock"));
        routes.get("/api/v1/api-keys", RouteAccess.tenant(READ), handlers::list);
        routes.post("/api/v1/api-keys", RouteAccess.tenant(WRITE), handlers::create);
        routes.delete("/api/v1/api-keys/{id}", RouteAccess.tenant(WRITE), handlers::revoke);
    }

    private void list(Context ctx) {
        Page<ApiKeyRow> page;
        try {
            page = keys.list(tenant(ctx), Optional.ofNullable(ctx.queryParam("cursor")),
                    PageLimits.read(ctx, JdbiApiKeyRepository.MAX_PAGE));
        } catch (InvalidPageRequestException e) {
            throw ProblemException.validation("the query is not valid", List.of(new FieldError("cursor", e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(ApiKeyRoutes::key).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }

    private void create(Context ctx) {
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("name", "scopes", "expiresAt"));
        Optional<String> name = body.requiredText("name");
        name.filter(text -> text.isBlank() || text.codePointCount(0, text.length()) > JdbiApiKeyRepository.NAME_MAX)
                .ifPresent(text -> body.add("name", "must be 1 to " + JdbiApiKeyRepository.NAME_MAX + " characters"));
        Optional<List<String>> scopeTexts = body.optionalTextList("scopes");
        if (scopeTexts.isEmpty() && !body.has("scopes")) {
            body.add("scopes", "is required");
        }
        Set<Permission> scopes = new LinkedHashSet<>();
        scopeTexts.ifPresent(texts -> texts.forEach(text -> body.check("scopes", () -> scopes.add(Permission.parse(text)))));
        if (scopeTexts.isPresent() && scopeTexts.get().isEmpty()) {
            body.add("scopes", "must name at least one permission");
        }
        Optional<Instant> expiresAt = body.optionalText("expiresAt").flatMap(text -> instant(body, text));
        expiresAt.filter(at -> !at.isAfter(clock.instant()))
                .ifPresent(at -> body.add("expiresAt", "must lie in the future"));
        body.throwIfInvalid();
        ApiRequest request = ApiRequest.of(ctx);
        Principal caller = request.principal().orElseThrow();
        if (!Grants.canGrant(caller.permissions(), scopes)) {
            throw ErrorCode.PERMISSION_DENIED.problem("an API key's scopes must be permissions you hold");
        }
        UUID creator = UUID.fromString(caller.subject());
        NewApiKey generated = ApiKeys.generate(tenant(ctx));
        List<String> scopeNames = new ArrayList<>();
        scopes.forEach(scope -> scopeNames.add(scope.toString()));
        ApiKeyRow stored = keys.insert(tenant(ctx), creator, name.get(), generated.prefix(), generated.hash(),
                scopeNames, expiresAt, new AuditOrigin(Optional.of(creator), Optional.of(request.correlationId())));
        Map<String, Object> answer = key(stored);
        answer.put("key", generated.key());
        ctx.status(201).header("Location", "/api/v1/api-keys/" + stored.id()).json(answer);
    }

    private void revoke(Context ctx) {
        ApiRequest request = ApiRequest.of(ctx);
        Optional<UUID> id = PathIds.uuid(ctx.pathParam("id"));
        AuditOrigin origin = new AuditOrigin(request.principal().flatMap(principal -> PathIds.uuid(principal.subject())),
                Optional.of(request.correlationId()));
        if (id.isEmpty() || !keys.revoke(tenant(ctx), id.get(), origin)) {
            throw ErrorCode.NOT_FOUND.problem("this tenant has no such API key, or it is revoked already");
        }
        ctx.status(204);
    }

    private static Optional<Instant> instant(JsonFields body, String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            body.add("expiresAt", "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
            return Optional.empty();
        }
    }


    private static TenantId tenant(Context ctx) {
        return ApiRequest.of(ctx).tenantId().orElseThrow();
    }

    private static Map<String, Object> key(ApiKeyRow key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.id().toString());
        body.put("name", key.name());
        body.put("prefix", key.prefix());
        body.put("scopes", key.scopes());
        body.put("createdBy", key.createdBy().toString());
        body.put("createdAt", key.createdAt().toString());
        body.put("expiresAt", key.expiresAt().map(Instant::toString).orElse(null));
        body.put("lastUsedAt", key.lastUsedAt().map(Instant::toString).orElse(null));
        body.put("revokedAt", key.revokedAt().map(Instant::toString).orElse(null));
        return body;
    }
}
