package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Refresh tokens in PostgreSQL, stored as hashes and grouped in families for reuse detection.
 * Every method is one statement in the tenant's scope, so another tenant's tokens are not there.
 * Only reads are retried: a write retried after a lost answer could report the wrong outcome
 * (a rotation that did happen would read as reuse). Thread-safe.
 */
public final class JdbiRefreshTokenRepository {

    static final String USER_KEY = "refresh_tokens_user_fkey";
    private static final String COLUMNS = "tenant_id, id, user_id, family_id, expires_at, created_at, rotated_at, "
            + "revoked_at";

    private final RlsExecutor<Handle> rls;

    private JdbiRefreshTokenRepository(RlsExecutor<Handle> rls) {
        this.rls = rls;
    }

    /** A repository whose every statement goes through {@code rls}. */
    public static JdbiRefreshTokenRepository create(RlsExecutor<Handle> rls) {
        return new JdbiRefreshTokenRepository(Objects.requireNonNull(rls, "rls"));
    }

    /**
     * Stores a token of {@code userId} in family {@code familyId}; returns its new id.
     *
     * @throws UnknownUserException when the tenant has no user {@code userId}
     */
    public UUID insert(TenantId tenant, UUID userId, UUID familyId, String tokenHash, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        try {
            rls.inTenant(tenant, Execution.singleStatement(), handle -> handle.createUpdate(
                            "insert into refresh_tokens (tenant_id, id, user_id, family_id, token_hash, expires_at) "
                                    + "values (:tenant, :id, :user, :family, :hash, :expiresAt)")
                    .bind("tenant", tenant.value()).bind("id", id).bind("user", userId).bind("family", familyId)
                    .bind("hash", tokenHash).bind("expiresAt", Columns.timestamp(expiresAt)).execute());
            return id;
        } catch (RuntimeException failure) {
            if (SqlFailures.violates(failure, SqlFailures.FOREIGN_KEY_VIOLATION, USER_KEY)) {
                throw new UnknownUserException(tenant, userId);
            }
            throw failure;
        }
    }

    /** The token whose hash is {@code tokenHash}, whatever its state (rotated, revoked, expired). */
    public Optional<RefreshTokenRow> findByHash(TenantId tenant, String tokenHash) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + " from refresh_tokens where token_hash = :hash")
                        .bind("hash", tokenHash).map(JdbiRefreshTokenRepository::row).findOne());
    }

    /**
     * Marks token {@code id} rotated, if it is neither rotated nor revoked yet, atomically: of
     * two concurrent rotations of one token exactly one succeeds.
     *
     * @return true if this call rotated it; false if it was already rotated or revoked (reuse:
     *     the caller revokes the family) or the tenant has no such token
     */
    public boolean markRotated(TenantId tenant, UUID id) {
        return rls.inTenant(tenant, Execution.singleStatement(), handle -> handle.createUpdate(
                        "update refresh_tokens set rotated_at = now() "
                                + "where id = :id and rotated_at is null and revoked_at is null")
                .bind("id", id).execute()) == 1;
    }

    /** Revokes every token of family {@code familyId} not revoked yet; returns how many that were. */
    public int revokeFamily(TenantId tenant, UUID familyId) {
        return rls.inTenant(tenant, Execution.singleStatement(), handle -> handle.createUpdate(
                        "update refresh_tokens set revoked_at = now() where family_id = :family and revoked_at is null")
                .bind("family", familyId).execute());
    }

    /** Revokes every token of user {@code userId} not revoked yet (logout everywhere); returns how many. */
    public int revokeAllForUser(TenantId tenant, UUID userId) {
        return rls.inTenant(tenant, Execution.singleStatement(), handle -> handle.createUpdate(
                        "update refresh_tokens set revoked_at = now() where user_id = :user and revoked_at is null")
                .bind("user", userId).execute());
    }

    private static RefreshTokenRow row(ResultSet row, StatementContext context) throws SQLException {
        return new RefreshTokenRow(TenantId.of(Columns.uuid(row, "tenant_id")), Columns.uuid(row, "id"),
                Columns.uuid(row, "user_id"), Columns.uuid(row, "family_id"), Columns.instant(row, "expires_at"),
                Columns.instant(row, "created_at"), Columns.optionalInstant(row, "rotated_at"),
                Columns.optionalInstant(row, "revoked_at"));
    }
}
