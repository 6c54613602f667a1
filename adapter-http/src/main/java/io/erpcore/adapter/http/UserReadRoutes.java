package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.InvalidPageRequestException;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of the users endpoints, for the caller's own tenant, with permission
 * {@code users:read}: {@code GET /api/v1/users} (oldest first, {@code limit} 1..100, default 20,
 * and {@code cursor}) and {@code GET /api/v1/users/{id}} (another tenant's id is a 404, like an
 * unknown one). Users come in the wire format of DESIGN section 4, the phone number decrypted by
 * the repository; never a password hash. Creating, changing and deleting users come with identity.
 */
public final class UserReadRoutes {

    /** The permission both routes need. */
    public static final String PERMISSION = "users:read";

    private static final int DEFAULT_LIMIT = 20;

    private final JdbiUserRepository users;

    private UserReadRoutes(JdbiUserRepository users) {
        this.users = users;
    }

    /** Registers both routes, reading from {@code users}. */
    public static void register(ApiRoutes routes, JdbiUserRepository users) {
        UserReadRoutes read = new UserReadRoutes(Objects.requireNonNull(users, "users"));
        routes.get("/api/v1/users", RouteAccess.tenant(PERMISSION), read::list);
        routes.get("/api/v1/users/{id}", RouteAccess.tenant(PERMISSION), read::one);
    }

    private void list(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        Page<UserRow> page;
        try {
            page = users.list(tenant(ctx), Optional.ofNullable(ctx.queryParam("cursor")), limit);
        } catch (InvalidPageRequestException e) {
            throw ProblemException.validation("the query is not valid", List.of(new FieldError("cursor", e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(UserReadRoutes::user).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }

    private void one(Context ctx) {
        Optional<UUID> id = uuid(ctx.pathParam("id"));
        UserRow user = id.flatMap(known -> users.findById(tenant(ctx), known))
                .orElseThrow(() -> ErrorCode.NOT_FOUND.problem("this tenant has no such user"));
        ctx.json(user(user));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= JdbiUserRepository.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.validation("the query is not valid", List.of(new FieldError("limit",
                "must be a whole number from 1 to " + JdbiUserRepository.MAX_PAGE)));
    }

    // An id that is no UUID names no user: 404, the same answer as an unknown or foreign id.
    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static TenantId tenant(Context ctx) {
        return ApiRequest.of(ctx).tenantId().orElseThrow();
    }

    private static Map<String, Object> user(UserRow user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id().toString());
        body.put("email", user.email());
        body.put("displayName", user.displayName());
        body.put("phone", user.phone().orElse(null));
        body.put("roles", user.roles());
        body.put("status", user.status());
        body.put("createdAt", user.createdAt().toString());
        body.put("updatedAt", user.updatedAt().toString());
        return body;
    }
}
