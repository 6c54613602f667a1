package io.erpcore.adapter.jdbi;

import io.erpcore.security.AccessTokens;
import io.erpcore.security.IssuedToken;
import io.erpcore.security.OpaqueCredential;
import io.erpcore.security.PasswordCheck;
import io.erpcore.security.PasswordHasher;
import io.erpcore.security.RefreshTokens;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in, refreshing and signing out, against PostgreSQL.
 *
 * <p>Sign-in does the same hashing work whether or not the user exists, so timing does not tell
 * which e-mail addresses are registered; a hash under a lower cost than configured is replaced
 * after a successful sign-in. Refresh tokens are opaque, stored hashed, and rotated on every
 * use: each sign-in starts a family, each refresh replaces the presented token with a new one of
 * the same family, and a rotated token presented again revokes the whole family (a thief and the
 * user cannot both keep going) and records {@code auth.refresh_token_reused}. Sign-in successes
 * and failures and sign-outs are recorded in the tenant's audit trail. Thread-safe.
 */
public final class JdbiSessions {

    private final AccessTokens tokens;
    private final PasswordHasher passwords;
    private final JdbiUserRepository users;
    private final JdbiRefreshTokenRepository refreshTokens;
    private final JdbiAuditTrail audit;
    private final Duration refreshTtl;
    private final Clock clock;

    private JdbiSessions(AccessTokens tokens, PasswordHasher passwords, JdbiUserRepository users,
            JdbiRefreshTokenRepository refreshTokens, JdbiAuditTrail audit, Duration refreshTtl, Clock clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
    }

    /** Sessions whose refresh tokens live {@code refreshTtl} ({@code JWT_REFRESH_EXPIRES_IN}). */
    public static JdbiSessions create(AccessTokens tokens, PasswordHasher passwords, JdbiUserRepository users,
            JdbiRefreshTokenRepository refreshTokens, JdbiAuditTrail audit, Duration refreshTtl, Clock clock) {
        return new JdbiSessions(Objects.requireNonNull(tokens, "tokens"), Objects.requireNonNull(passwords, "passwords"),
                Objects.requireNonNull(users, "users"), Objects.requireNonNull(refreshTokens, "refreshTokens"),
                Objects.requireNonNull(audit, "audit"), Objects.requireNonNull(refreshTtl, "refreshTtl"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** Signs {@code email} in to {@code tenant} with {@code password}. */
    public SignIn signIn(TenantId tenant, String email, String password, Optional<String> correlationId) {
        Optional<UserCredentials> user = users.findCredentialsByEmail(tenant, email);
        if (user.isEmpty()) {
            passwords.verifyNothing(password);
            audit.record(AuditEvent.of(tenant, AuditAction.LOGIN_FAILED, Optional.empty(), "auth/login", correlationId)
                    .withAfter(AuditSnapshot.builder().put("reason", "unknown_user").build()));
            return new SignIn.BadCredentials();
        }
        UserCredentials found = user.get();
        AuditOrigin origin = new AuditOrigin(Optional.of(found.id()), correlationId);
        PasswordCheck check = passwords.verify(password, found.passwordHash());
        if (!check.matches()) {
            audit.record(origin.event(tenant, AuditAction.LOGIN_FAILED, UserAudit.resource(found.id()))
                    .withAfter(AuditSnapshot.builder().put("reason", "wrong_password").build()));
            return new SignIn.BadCredentials();
        }
        if (!found.isActive()) {
            audit.record(origin.event(tenant, AuditAction.LOGIN_FAILED, UserAudit.resource(found.id()))
                    .withAfter(AuditSnapshot.builder().put("reason", "user_disabled").build()));
            return new SignIn.Disabled();
        }
        if (check.needsRehash()) {
            users.upgradePasswordHash(tenant, found.id(), found.passwordHash(), passwords.hash(password));
        }
        SessionTokens session = issue(tenant, found, UUID.randomUUID());
        audit.record(origin.event(tenant, AuditAction.LOGIN_SUCCEEDED, UserAudit.resource(found.id())));
        return new SignIn.SignedIn(session);
    }

    /** Rotates {@code refreshToken}: new tokens of the same family, or the reason there are none. */
    public Refresh refresh(String refreshToken, Optional<String> correlationId) {
        Optional<TenantId> tenant = RefreshTokens.tenantOf(refreshToken);
        if (tenant.isEmpty()) {
            return new Refresh.Refused(Refresh.Reason.UNKNOWN);
        }
        Optional<RefreshTokenRow> stored = refreshTokens.findByHash(tenant.get(), RefreshTokens.hash(refreshToken));
        if (stored.isEmpty()) {
            return new Refresh.Refused(Refresh.Reason.UNKNOWN);
        }
        RefreshTokenRow row = stored.get();
        if (row.isRevoked()) {
            return new Refresh.Refused(Refresh.Reason.REVOKED);
        }
        if (row.isRotated()) {
            return reused(tenant.get(), row, correlationId);
        }
        if (row.isExpiredAt(clock.instant())) {
            return new Refresh.Refused(Refresh.Reason.EXPIRED);
        }
        Optional<UserCredentials> user = users.findCredentialsById(tenant.get(), row.userId());
        if (user.isEmpty() || !user.get().isActive()) {
            refreshTokens.revokeFamily(tenant.get(), row.familyId());
            return new Refresh.Refused(Refresh.Reason.USER_DISABLED);
        }
        // Of two requests presenting one token at once, exactly one rotates it; the other is a reuse.
        if (!refreshTokens.markRotated(tenant.get(), row.id())) {
            return reused(tenant.get(), row, correlationId);
        }
        return new Refresh.Refreshed(issue(tenant.get(), user.get(), row.familyId()));
    }

    /**
     * Signs user {@code userId} out: revokes the family of {@code refreshToken} when it is one of
     * the user's, or every family of the user when {@code everywhere}. How many tokens were revoked.
     */
    public int signOut(TenantId tenant, UUID userId, Optional<String> refreshToken, boolean everywhere,
            Optional<String> correlationId) {
        int revoked;
        if (everywhere) {
            revoked = refreshTokens.revokeAllForUser(tenant, userId);
        } else {
            revoked = refreshToken.filter(token -> RefreshTokens.tenantOf(token).equals(Optional.of(tenant)))
                    .flatMap(token -> refreshTokens.findByHash(tenant, RefreshTokens.hash(token)))
                    .filter(row -> row.userId().equals(userId))
                    .map(row -> refreshTokens.revokeFamily(tenant, row.familyId()))
                    .orElse(0);
        }
        audit.record(new AuditOrigin(Optional.of(userId), correlationId)
                .event(tenant, AuditAction.LOGGED_OUT, UserAudit.resource(userId))
                .withAfter(AuditSnapshot.builder().put("everywhere", everywhere).put("revokedCount", (long) revoked)
                        .build()));
        return revoked;
    }

    private Refresh reused(TenantId tenant, RefreshTokenRow row, Optional<String> correlationId) {
        int revoked = refreshTokens.revokeFamily(tenant, row.familyId());
        audit.record(new AuditOrigin(Optional.of(row.userId()), correlationId)
                .event(tenant, AuditAction.REFRESH_TOKEN_REUSED, UserAudit.resource(row.userId()))
                .withAfter(AuditSnapshot.builder().put("family", row.familyId().toString())
                        .put("revokedCount", (long) revoked).build()));
        return new Refresh.Refused(Refresh.Reason.REUSED);
    }

    private SessionTokens issue(TenantId tenant, UserCredentials user, UUID family) {
        IssuedToken access = tokens.issue(user.id(), tenant, user.roles());
        OpaqueCredential refresh = RefreshTokens.generate(tenant);
        refreshTokens.insert(tenant, user.id(), family, refresh.hash(), clock.instant().plus(refreshTtl));
        return new SessionTokens(user.id(), access, refresh.token());
    }
}
