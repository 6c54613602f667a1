package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.InvalidPageRequestException;
import io.erpcore.adapter.jdbi.JdbiTenantDirectory;
import io.erpcore.adapter.jdbi.NewTenant;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.DuplicateTenantSlugException;
import io.erpcore.tenancy.InvalidTenantIdException;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The platform API of DESIGN section 4, for the operator holding {@code PLATFORM_ADMIN_TOKEN}
 * ({@link RouteAccess#platform()}): {@code GET /api/v1/tenants} (oldest first, {@code limit} 1..100,
 * default 20, and {@code cursor}), {@code POST /api/v1/tenants} (the tenant and its owner, 201 with
 * {@code Location}; a taken slug is 409 {@code TENANT_SLUG_TAKEN}), {@code GET /api/v1/tenants/{id}}
 * and {@code PATCH /api/v1/tenants/{id}} ({@code name}, {@code status}, {@code rateLimitMax}).
 * An unknown or malformed id is 404. Every problem with a body is reported in one 400
 * {@code VALIDATION_FAILED}, unknown fields included. Changes are recorded in the tenant's audit
 * trail without an actor and with the request's correlation id.
 */
public final class TenantRoutes {

    private static final String TENANTS = "/api/v1/tenants";

    private final JdbiTenantDirectory directory;
    private final Function<String, String> passwordHasher;
    private final Function<String, List<String>> passwordViolations;
    private final Consumer<TenantId> onChange;

    private TenantRoutes(JdbiTenantDirectory directory, Function<String, String> passwordHasher,
            Function<String, List<String>> passwordViolations, Consumer<TenantId> onChange) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
        this.passwordViolations = Objects.requireNonNull(passwordViolations, "passwordViolations");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
    }

    /**
     * Registers the four routes over {@code directory}, without a cache to invalidate.
     *
     * @see #register(ApiRoutes, JdbiTenantDirectory, Function, Function, Consumer)
     */
    public static void register(ApiRoutes routes, JdbiTenantDirectory directory, Function<String, String> passwordHasher,
            Function<String, List<String>> passwordViolations) {
        register(routes, directory, passwordHasher, passwordViolations, id -> { });
    }

    /**
     * Registers the four routes over {@code directory}.
     *
     * @param passwordHasher turns the owner's password into the hash that is stored
     * @param passwordViolations the password policy: what is wrong with a password, empty when it is
     *     acceptable; the password policy is applied by the caller-supplied check, on top of a
     *     minimum of 12 characters enforced here
     * @param onChange called with a tenant's id after it was created or patched, so a
     *     {@code CachingTenantDirectory} can forget it ({@code cache::invalidate}) and a suspension
     *     takes effect at once
     */
    public static void register(ApiRoutes routes, JdbiTenantDirectory directory, Function<String, String> passwordHasher,
            Function<String, List<String>> passwordViolations, Consumer<TenantId> onChange) {
        TenantRoutes tenants = new TenantRoutes(directory, passwordHasher, passwordViolations, onChange);
        routes.get(TENANTS, RouteAccess.platform(), tenants::list);
        routes.post(TENANTS, RouteAccess.platform(), tenants::create);
        routes.get(TENANTS + "/{id}", RouteAccess.platform(), tenants::one);
        routes.patch(TENANTS + "/{id}", RouteAccess.platform(), tenants::update);
    }

    private void list(Context ctx) {
        int limit = PageLimits.read(ctx, JdbiTenantDirectory.MAX_PAGE);
        Page<Tenant> page;
        try {
            page = directory.list(Optional.ofNullable(ctx.queryParam("cursor")), limit);
        } catch (InvalidPageRequestException e) {
            throw ProblemException.validation("the query is not valid", List.of(new FieldError("cursor", e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(TenantRoutes::tenant).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }

    private void create(Context ctx) {
        NewTenant tenant = TenantBodies.create(JsonFields.read(ctx), passwordViolations, passwordHasher);
        Tenant created;
        try {
            created = directory.create(tenant, origin(ctx));
        } catch (DuplicateTenantSlugException taken) {
            throw ErrorCode.TENANT_SLUG_TAKEN.problem("another tenant already has the slug '" + tenant.slug() + "'");
        }
        onChange.accept(created.id());
        ctx.status(201).header(Header.LOCATION, TENANTS + "/" + created.id()).json(tenant(created));
    }

    private void one(Context ctx) {
        Tenant tenant = id(ctx).flatMap(directory::findById).orElseThrow(TenantRoutes::notFound);
        ctx.json(tenant(tenant));
    }

    private void update(Context ctx) {
        TenantId id = id(ctx).orElseThrow(TenantRoutes::notFound);
        Tenant updated = directory.update(id, TenantBodies.update(JsonFields.read(ctx)), origin(ctx))
                .orElseThrow(TenantRoutes::notFound);
        onChange.accept(id);
        ctx.json(tenant(updated));
    }

    // An id that is no UUID names no tenant: 404, the same answer as an unknown id.
    private static Optional<TenantId> id(Context ctx) {
        try {
            return Optional.of(TenantId.parse(ctx.pathParam("id")));
        } catch (InvalidTenantIdException notAUuid) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound() {
        return ErrorCode.NOT_FOUND.problem("there is no such tenant");
    }

    private static AuditOrigin origin(Context ctx) {
        // The platform operator is no user of the tenant: the trail records no actor, only the request.
        return new AuditOrigin(Optional.empty(), Optional.of(ApiRequest.of(ctx).correlationId()));
    }

    private static Map<String, Object> tenant(Tenant tenant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", tenant.id().toString());
        body.put("slug", tenant.slug());
        body.put("name", tenant.name());
        body.put("status", tenant.status().id());
        body.put("rateLimitMax", tenant.rateLimitMax().orElse(null));
        body.put("createdAt", tenant.createdAt().toString());
        return body;
    }
}
