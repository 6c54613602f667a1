package io.erpcore.adapter.http;

import io.erpcore.adapter.jdbi.JdbiSessions;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.Refresh;
import io.erpcore.adapter.jdbi.SessionTokens;
import io.erpcore.adapter.jdbi.SignIn;
import io.erpcore.security.PasswordHasher;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimitPolicies;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.RefreshTokens;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantDirectory;
import io.erpcore.tenancy.InvalidTenantIdException;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out: {@code POST /api/v1/auth/login}, {@code /refresh} and {@code /logout}, and
 * {@code GET /api/v1/me}.
 *
 * <p>Login counts failures only, per client and account ({@code AUTH_RATE_LIMIT_MAX}: the sixth
 * failure for one account from one address is a 429) and per client across accounts
 * ({@code AUTH_IP_RATE_LIMIT_MAX}); a spent budget is refused before the password is checked, with
 * {@code Retry-After}. An unknown tenant, an unknown user and a wrong password all answer the same
 * 401 {@code INVALID_CREDENTIALS} after the same hashing work. A suspended tenant's users can
 * neither sign in nor refresh (403 {@code TENANT_SUSPENDED}).
 */
public final class AuthRoutes {

    private static final int MAX_TEXT = 320;
    private static final int MAX_PASSWORD = 1024;

    private final JdbiSessions sessions;
    private final TenantDirectory tenants;
    private final JdbiUserRepository users;
    private final PasswordHasher passwords;
    private final Optional<RateLimiter> limiter;
    private final RateLimitPolicies policies;
    private final Clock clock;

    private AuthRoutes(JdbiSessions sessions, TenantDirectory tenants, JdbiUserRepository users,
            PasswordHasher passwords, Optional<RateLimiter> limiter, RateLimitPolicies policies, Clock clock) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.limiter = limiter;
        this.policies = policies;
        this.clock = clock;
    }

    /** Registers the four routes; failed logins are limited through {@code limiter} when there is one. */
    public static void register(ApiRoutes routes, JdbiSessions sessions, TenantDirectory tenants,
            JdbiUserRepository users, PasswordHasher passwords, Optional<RateLimiter> limiter,
            RateLimitPolicies policies, Clock clock) {
        AuthRoutes auth = new AuthRoutes(Objects.requireNonNull(sessions, "sessions"),
                Objects.requireNonNull(tenants, "tenants"), Objects.requireNonNull(users, "users"),
                Objects.requireNonNull(passwords, "passwords"), Objects.requireNonNull(limiter, "limiter"),
                Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(clock, "clock"));
        routes.post("/api/v1/auth/login", RouteAccess.anyone(), auth::login);
        routes.post("/api/v1/auth/refresh", RouteAccess.anyone(), auth::refresh);
        routes.post("/api/v1/auth/logout", RouteAccess.tenantMember(), auth::logout);
        routes.get("/api/v1/me", RouteAccess.tenant("me:read"), auth::me);
    }

    private void login(Context ctx) {
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("tenant", "email", "password"));
        Optional<String> tenantText = bounded(body, "tenant", MAX_TEXT);
        Optional<String> email = bounded(body, "email", MAX_TEXT);
        Optional<String> password = bounded(body, "password", MAX_PASSWORD);
        body.throwIfInvalid();
        ApiRequest request = ApiRequest.of(ctx);
        String accountKey = RateLimitPolicies.accountKey(request.clientKey(), tenantText.get() + "|" + email.get());
        refuseWhenSpent(accountKey, policies.failedLoginsPerAccount());
        refuseWhenSpent(request.clientKey(), policies.failedLoginsPerIp());
        Optional<Tenant> tenant = findTenant(tenantText.get());
        if (tenant.isEmpty()) {
            passwords.verifyNothing(password.get());
            throw failed(accountKey, request.clientKey());
        }
        if (tenant.get().status() == TenantStatus.SUSPENDED) {
            passwords.verifyNothing(password.get());
            throw suspended();
        }
        SignIn outcome = sessions.signIn(tenant.get().id(), email.get(), password.get(),
                Optional.of(request.correlationId()));
        if (outcome instanceof SignIn.SignedIn signedIn) {
            ctx.json(tokens(signedIn.tokens()));
            return;
        }
        if (outcome instanceof SignIn.Disabled) {
            throw ErrorCode.USER_DISABLED.problem("this user is disabled");
        }
        throw failed(accountKey, request.clientKey());
    }

    private void refresh(Context ctx) {
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("refreshToken"));
        Optional<String> token = bounded(body, "refreshToken", MAX_TEXT);
        body.throwIfInvalid();
        // Checked before rotating, so the token still works once the tenant is reactivated.
        if (RefreshTokens.tenantOf(token.get()).flatMap(tenants::findById)
                .filter(tenant -> tenant.status() == TenantStatus.SUSPENDED).isPresent()) {
            throw suspended();
        }
        Refresh outcome = sessions.refresh(token.get(), Optional.of(ApiRequest.of(ctx).correlationId()));
        if (outcome instanceof Refresh.Refreshed refreshed) {
            ctx.json(tokens(refreshed.tokens()));
            return;
        }
        Refresh.Reason reason = ((Refresh.Refused) outcome).reason();
        throw switch (reason) {
            case REUSED -> ErrorCode.REFRESH_TOKEN_REUSED.problem(
                    "this refresh token was used before; every token of its sign-in is revoked, sign in again");
            case EXPIRED -> ErrorCode.INVALID_REFRESH_TOKEN.problem("the refresh token has expired; sign in again");
            case REVOKED -> ErrorCode.INVALID_REFRESH_TOKEN.problem("the refresh token was revoked; sign in again");
            case USER_DISABLED -> ErrorCode.USER_DISABLED.problem("the user of this refresh token is disabled");
            case UNKNOWN -> ErrorCode.INVALID_REFRESH_TOKEN.problem("the refresh token is not known");
        };
    }

    private void logout(Context ctx) {
        JsonFields body = JsonFields.read(ctx).onlyKnown(Set.of("refreshToken", "all"));
        Optional<String> token = body.optionalText("refreshToken");
        boolean all = body.optionalBoolean("all").orElse(false);
        if (!all && token.isEmpty()) {
            body.add("refreshToken", "is required unless \"all\" is true");
        }
        body.throwIfInvalid();
        ApiRequest request = ApiRequest.of(ctx);
        sessions.signOut(request.tenantId().orElseThrow(), UUID.fromString(request.principal().orElseThrow().subject()),
                token, all, Optional.of(request.correlationId()));
        ctx.status(204);
    }

    private void me(Context ctx) {
        ApiRequest request = ApiRequest.of(ctx);
        UUID id = UUID.fromString(request.principal().orElseThrow().subject());
        ctx.json(UserRoutes.wireFormat(users.findById(request.tenantId().orElseThrow(), id)
                .orElseThrow(() -> ErrorCode.NOT_FOUND.problem("this user no longer exists"))));
    }

    private Optional<Tenant> findTenant(String text) {
        try {
            return tenants.findById(TenantId.parse(text));
        } catch (InvalidTenantIdException notAnId) {
            return tenants.findBySlug(text);
        }
    }

    private void refuseWhenSpent(String key, RateLimit limit) {
        if (limiter.isEmpty()) {
            return;
        }
        RateLimitDecision decision = limiter.get().peek(key, limit);
        if (!decision.allowed()) {
            throw ErrorCode.RATE_LIMITED.problem("too many failed sign-ins; try again later")
                    .retryAfter(Duration.ofSeconds(decision.retryAfterSeconds()));
        }
    }

    private static ProblemException suspended() {
        return ProblemException.of(403, "TENANT_SUSPENDED", "Tenant refused", "the tenant is suspended");
    }

    private ProblemException failed(String accountKey, String clientKey) {
        limiter.ifPresent(rates -> {
            rates.tryConsume(accountKey, policies.failedLoginsPerAccount());
            rates.tryConsume(clientKey, policies.failedLoginsPerIp());
        });
        return ErrorCode.INVALID_CREDENTIALS.problem("the tenant, e-mail or password is wrong");
    }

    private Map<String, Object> tokens(SessionTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", tokens.access().token());
        body.put("refreshToken", tokens.refreshToken());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", Math.max(0, Duration.between(clock.instant(), tokens.access().expiresAt()).toSeconds()));
        return body;
    }

    private static Optional<String> bounded(JsonFields body, String name, int max) {
        Optional<String> text = body.requiredText(name);
        if (text.isPresent() && (text.get().isEmpty() || text.get().length() > max)) {
            body.add(name, "must be 1 to " + max + " characters");
            return Optional.empty();
        }
        return text;
    }
}
