package io.erpcore.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.Objects;

/**
 * Where an application registers its routes: each with the {@link RouteAccess} the chain enforces.
 * Routes get the whole chain, the problem answers and the request metrics. Platform routes
 * ({@link RouteAccess#platform()}) are left out while {@code PLATFORM_ADMIN_TOKEN} is unset, so
 * they answer exactly as an unknown path does.
 */
public final class ApiRoutes {

    private final RoutesConfig routes;
    private final boolean platformEnabled;

    ApiRoutes(RoutesConfig routes, boolean platformEnabled) {
        this.routes = routes;
        this.platformEnabled = platformEnabled;
    }

    /** Registers {@code GET path}. */
    public ApiRoutes get(String path, RouteAccess access, Handler handler) {
        return add(HandlerType.GET, path, access, handler);
    }

    /** Registers {@code POST path}. */
    public ApiRoutes post(String path, RouteAccess access, Handler handler) {
        return add(HandlerType.POST, path, access, handler);
    }

    /** Registers {@code PUT path}. */
    public ApiRoutes put(String path, RouteAccess access, Handler handler) {
        return add(HandlerType.PUT, path, access, handler);
    }

    /** Registers {@code PATCH path}. */
    public ApiRoutes patch(String path, RouteAccess access, Handler handler) {
        return add(HandlerType.PATCH, path, access, handler);
    }

    /** Registers {@code DELETE path}. */
    public ApiRoutes delete(String path, RouteAccess access, Handler handler) {
        return add(HandlerType.DELETE, path, access, handler);
    }

    private ApiRoutes add(HandlerType method, String path, RouteAccess access, Handler handler) {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (access.kind() == RouteAccess.Kind.OPERATIONAL) {
            throw new IllegalArgumentException("'" + path + "' cannot be operational: only the built-in endpoints are");
        }
        if (access.kind() == RouteAccess.Kind.PLATFORM && !platformEnabled) {
            return this;
        }
        routes.addEndpoint(Endpoint.create(method, path).addMetadata(access).handler(handler));
        return this;
    }
}
