package io.erpcore.adapter.http;

import io.erpcore.security.Permission;
import io.javalin.router.EndpointMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call a route, attached to it when it is registered through {@link ApiRoutes}.
 *
 * @param kind public, tenant, platform or operational
 * @param permission what a tenant route's caller must hold; empty means any authenticated member
 */
public record RouteAccess(Kind kind, Optional<Permission> permission) implements EndpointMetadata {

    /** The kinds of route. */
    public enum Kind {
        /** Anyone may call it, without credentials or tenant (login, refresh). */
        PUBLIC,
        /** Valid credentials of an active tenant, and the permission when one is named. */
        TENANT,
        /**
         * The platform API: only {@code Authorization: Bearer <PLATFORM_ADMIN_TOKEN>}, never a user's
         * credentials, and no tenant. Without the token configured the route is not registered.
         */
        PLATFORM,
        /** An operational endpoint: outside the rate limits and the tenant chain. */
        OPERATIONAL
    }

    /** Refuses a permission on a route kind that checks none. */
    public RouteAccess {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(permission, "permission");
        if (permission.isPresent() && kind != Kind.TENANT) {
            throw new IllegalArgumentException("only a tenant route can require a permission, not a " + kind + " route");
        }
    }

    /** Anyone may call the route. */
    public static RouteAccess anyone() {
        return new RouteAccess(Kind.PUBLIC, Optional.empty());
    }

    /** Any authenticated member of an active tenant may call the route. */
    public static RouteAccess tenantMember() {
        return new RouteAccess(Kind.TENANT, Optional.empty());
    }

    /** A member of an active tenant holding {@code permission}, written {@code resource:action}. */
    public static RouteAccess tenant(String permission) {
        return new RouteAccess(Kind.TENANT, Optional.of(Permission.parse(permission)));
    }

    /**
     * The platform operator, holding {@code PLATFORM_ADMIN_TOKEN}. The route skips authentication
     * and tenant resolution; {@code platform-authorization} checks the token instead. While the
     * token is unset, {@link ApiRoutes} leaves the route out, so it answers 404 like an unknown path.
     */
    public static RouteAccess platform() {
        return new RouteAccess(Kind.PLATFORM, Optional.empty());
    }

    static RouteAccess operational() {
        return new RouteAccess(Kind.OPERATIONAL, Optional.empty());
    }
}
