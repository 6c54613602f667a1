package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.DuplicateEmailException;
import io.erpcore.adapter.jdbi.InvalidPageRequestException;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.NewUser;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.adapter.jdbi.UserCredentials;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.adapter.jdbi.UserUpdate;
import io.erpcore.security.Grants;
import io.erpcore.security.PasswordHasher;
import io.erpcore.security.PasswordPolicy;
import io.erpcore.security.Principal;
import io.erpcore.security.Role;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The users endpoints of the caller's own tenant: {@code GET /api/v1/users} (oldest first,
 * {@code limit} 1..100, default 20, {@code cursor}) and {@code GET /api/v1/users/{id}} with
 * {@code users:read}; {@code POST /api/v1/users}, {@code PATCH} and {@code DELETE /api/v1/users/{id}}
 * with {@code users:write}. Another tenant's id is a 404, like an unknown one.
 *
 * <p>Nobody grants what they lack: the roles given to a user must carry only permissions the
 * caller holds (an admin cannot make an owner), and a caller may change or delete only users whose
 * permissions they hold themselves (an admin cannot disable an owner). Every change is recorded in
 * the tenant's audit trail by the repository, with the caller as actor. Users are answered in the
 * wire format of DESIGN section 4, the phone number decrypted; never a password or its hash.
 */
public final class UserRoutes {

    /** What reading users needs. */
    public static final String READ = "users:read";
    /** What changing users needs. */
    public static final String WRITE = "users:write";

    private static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,31}");

    private final JdbiUserRepository users;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final BiConsumer<TenantId, UUID> onChange;

    private UserRoutes(JdbiUserRepository users, PasswordHasher passwords, PasswordPolicy policy,
            BiConsumer<TenantId, UUID> onChange) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.onChange = onChange;
    }

    /**
     * Registers the five routes. {@code onChange} hears of every user whose status or roles may have
     * changed, so that caches of them (the authenticator's) can forget it at once.
     */
    public static void register(ApiRoutes routes, JdbiUserRepository users, PasswordHasher passwords,
            PasswordPolicy policy, BiConsumer<TenantId, UUID> onChange) {
        UserRoutes handlers = new UserRoutes(Objects.requireNonNull(users, "users"),
                Objects.requireNonNull(passwords, "passwords"), Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(onChange, "onChange"));
        routes.get("/api/v1/users", RouteAccess.tenant(READ), handlers::list);
        routes.post("/api/v1/users", RouteAccess.tenant(WRITE), handlers::create);
        routes.get("/api/v1/users/{id}", RouteAccess.tenant(READ), handlers::one);
        routes.patch("/api/v1/users/{id}", RouteAccess.tenant(WRITE), handlers::update);
        routes.delete("/api/v1/users/{id}", RouteAccess.tenant(WRITE), handlers::delete);
    }

    private void list(Context ctx) {
        int limit = PageLimits.read(ctx, JdbiUserRepository.MAX_PAGE);
        Page<UserRow> page;
        try {
            page = users.list(tenant(ctx), Optional.ofNullable(ctx.queryParam("cursor")), limit);
        } catch (InvalidPageRequestException e) {
            throw ProblemException.validation("the query is not valid", List.of(new FieldError("cursor", e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(UserRoutes::wireFormat).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }

    private void one(Context ctx) {
        ctx.json(wireFormat(existing(ctx)));
    }

    private void create(Context ctx) {
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("email", "displayName", "password", "roles", "phone"));
        Optional<String> email = body.requiredText("email");
        email.filter(text -> text.length() > 320 || !EMAIL.matcher(text).matches())
                .ifPresent(text -> body.add("email", "must be an e-mail address of at most 320 characters"));
        Optional<String> displayName = body.requiredText("displayName");
        displayName.ifPresent(text -> body.check("displayName", () -> UserUpdate.none().withDisplayName(text)));
        Optional<String> password = body.requiredText("password");
        password.ifPresent(text -> policy.violations(text, email.orElse("")).forEach(problem -> body.add("password", problem)));
        password.filter(text -> text.length() > MAX_PASSWORD)
                .ifPresent(text -> body.add("password", "must be at most " + MAX_PASSWORD + " characters"));
        List<String> roles = roles(body).orElse(List.of(Role.MEMBER.id()));
        Optional<String> phone = phone(body);
        body.throwIfInvalid();
        Principal caller = ApiRequest.of(ctx).principal().orElseThrow();
        requireGrantable(caller, roles);
        UserRow created;
        try {
            created = users.create(tenant(ctx), new NewUser(email.get(), displayName.get(), passwords.hash(password.get()),
                    roles, phone), origin(ctx));
        } catch (DuplicateEmailException taken) {
            throw ErrorCode.EMAIL_TAKEN.problem("this tenant already has a user with this e-mail address");
        }
        ctx.status(201).header("Location", "/api/v1/users/" + created.id()).json(wireFormat(created));
    }

    private void update(Context ctx) {
        UserCredentials target = target(ctx);
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("displayName", "phone", "roles", "status"));
        UserUpdate update = UserUpdate.none();
        Optional<String> displayName = body.optionalText("displayName");
        if (body.isNull("displayName")) {
            body.add("displayName", "must not be null");
        }
        Optional<List<String>> roles = roles(body);
        Optional<String> status = body.optionalText("status");
        status.filter(text -> !UserRow.ACTIVE.equals(text) && !UserRow.DISABLED.equals(text))
                .ifPresent(text -> body.add("status", "must be one of [active, disabled]"));
        Optional<String> phone = phone(body);
        if (displayName.isPresent()) {
            body.check("displayName", () -> UserUpdate.none().withDisplayName(displayName.get()));
        }
        body.throwIfInvalid();
        Principal caller = ApiRequest.of(ctx).principal().orElseThrow();
        requireGrantable(caller, target.roles());
        roles.ifPresent(wanted -> requireGrantable(caller, wanted));
        update = displayName.map(update::withDisplayName).orElse(update);
        update = roles.map(update::withRoles).orElse(update);
        update = status.map(update::withStatus).orElse(update);
        update = phone.map(update::withPhone).orElse(body.isNull("phone") ? update.withoutPhone() : update);
        UserRow updated = users.update(tenant(ctx), target.id(), update, origin(ctx))
                .orElseThrow(UserRoutes::notFound);
        onChange.accept(tenant(ctx), target.id());
        ctx.json(wireFormat(updated));
    }

    private void delete(Context ctx) {
        UserCredentials target = target(ctx);
        requireGrantable(ApiRequest.of(ctx).principal().orElseThrow(), target.roles());
        if (!users.delete(tenant(ctx), target.id(), origin(ctx))) {
            throw notFound();
        }
        onChange.accept(tenant(ctx), target.id());
        ctx.status(204);
    }

    private UserRow existing(Context ctx) {
        return PathIds.uuid(ctx.pathParam("id")).flatMap(id -> users.findById(tenant(ctx), id)).orElseThrow(UserRoutes::notFound);
    }

    /** The user a change is aimed at, as far as the grant rule needs it: no phone to decrypt. */
    private UserCredentials target(Context ctx) {
        return PathIds.uuid(ctx.pathParam("id")).flatMap(id -> users.findCredentialsById(tenant(ctx), id))
                .orElseThrow(UserRoutes::notFound);
    }

    /** The roles field, when present: a list of known role ids. */
    private static Optional<List<String>> roles(JsonFields body) {
        Optional<List<String>> roles = body.optionalTextList("roles");
        roles.ifPresent(list -> list.stream().filter(role -> Role.of(role).isEmpty()).findFirst().ifPresent(unknown ->
                body.add("roles", "must hold only known roles [owner, admin, auditor, member]")));
        return roles;
    }

    /** The phone field, when it is a string; null is no phone (on a change: remove it), not a wrong type. */
    private static Optional<String> phone(JsonFields body) {
        if (body.isNull("phone")) {
            return Optional.empty();
        }
        Optional<String> phone = body.optionalText("phone");
        phone.filter(text -> !PHONE.matcher(text).matches())
                .ifPresent(text -> body.add("phone", "must be a phone number of 3 to 32 digits, spaces and + ( ) . / -"));
        return phone;
    }

    /** Refuses roles whose permissions the caller does not hold: 403, nothing changed. */
    private static void requireGrantable(Principal caller, List<String> roles) {
        if (!Grants.canGrant(caller.permissions(), Role.userPermissions(roles))) {
            throw ErrorCode.PERMISSION_DENIED.problem("the roles " + roles + " carry permissions you do not hold");
        }
    }

    private static AuditOrigin origin(Context ctx) {
        ApiRequest request = ApiRequest.of(ctx);
        return new AuditOrigin(request.principal().flatMap(principal -> PathIds.uuid(principal.subject())),
                Optional.of(request.correlationId()));
    }


    private static ProblemException notFound() {
        return ErrorCode.NOT_FOUND.problem("this tenant has no such user");
    }

    private static TenantId tenant(Context ctx) {
        return ApiRequest.of(ctx).tenantId().orElseThrow();
    }

    /** A user in the wire format of DESIGN section 4, ready for a JSON mapper: never a password hash. */
    public static Map<String, Object> wireFormat(UserRow user) {
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
