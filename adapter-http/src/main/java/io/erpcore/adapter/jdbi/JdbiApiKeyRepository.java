package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * API keys in PostgreSQL, stored as hashes. Every method is one statement in the tenant's scope,
 * so another tenant's keys are not there. Reads and the last-use stamp are retried after
 * transient failures; creating and revoking are not. Thread-safe.
 */
public final class JdbiApiKeyRepository {

    /** The largest page {@link #list(TenantId, Optional, int)} serves. */
    public static final int MAX_PAGE = 100;
    /** The longest name a key may have, in characters. */
    public static final int NAME_MAX = 200;

    static final String PREFIX_KEY = "api_keys_prefix_key";
    static final String CREATOR_KEY = "api_keys_creator_fkey";
    private static final String COLUMNS = "tenant_id, id, created_by, name, prefix, scopes, created_at, expires_at, "
            + "last_used_at, revoked_at";
    private static final String INSERT = "insert into api_keys "
            + "(tenant_id, id, created_by, name, prefix, key_hash, scopes, expires_at) values "
            + "(:tenant, :id, :createdBy, :name, :prefix, :hash, cast(:scopes as text[]), :expiresAt) "
            + "returning " + COLUMNS;

    private final RlsExecutor<Handle> rls;
    private final JdbiAuditTrail audit;

    private JdbiApiKeyRepository(RlsExecutor<Handle> rls, JdbiAuditTrail audit) {
        this.rls = rls;
        this.audit = audit;
    }

    /** A repository whose every statement goes through {@code rls}, recording creations and revocations in {@code audit}. */
    public static JdbiApiKeyRepository create(RlsExecutor<Handle> rls, JdbiAuditTrail audit) {
        return new JdbiApiKeyRepository(Objects.requireNonNull(rls, "rls"), Objects.requireNonNull(audit, "audit"));
    }

    /**
     * Stores a key created by user {@code createdBy}, with a new id, and records
     * {@code api_key.created} (name, prefix, scopes, expiry; never the hash) in the same transaction.
     *
     * @throws DuplicateApiKeyPrefixException when the tenant has a key with {@code prefix}
     * @throws UnknownUserException when the tenant has no user {@code createdBy}
     * @throws IllegalArgumentException for a blank name or one over 200 characters
     */
    public ApiKeyRow insert(TenantId tenant, UUID createdBy, String name, String prefix, String keyHash,
            List<String> scopes, Optional<Instant> expiresAt, AuditOrigin origin) {
        requireName(name);
        UUID id = UUID.randomUUID();
        try {
            Recorded<ApiKeyRow> created = rls.inTenant(tenant, Execution.transaction(), handle -> {
                ApiKeyRow row = handle.createQuery(INSERT)
                        .bind("tenant", tenant.value()).bind("id", id).bind("createdBy", createdBy).bind("name", name)
                        .bind("prefix", prefix).bind("hash", keyHash).bindArray("scopes", String.class, scopes)
                        .bindByType("expiresAt", Columns.timestamp(expiresAt.orElse(null)), OffsetDateTime.class)
                        .map(JdbiApiKeyRepository::row).one();
                return new Recorded<>(row, audit.appendIn(handle,
                        origin.event(tenant, AuditAction.API_KEY_CREATED, resource(id)).withAfter(snapshot(row))));
            });
            audit.committed(created.event());
            return created.value();
        } catch (RuntimeException failure) {
            if (SqlFailures.violates(failure, SqlFailures.UNIQUE_VIOLATION, PREFIX_KEY)) {
                throw new DuplicateApiKeyPrefixException(tenant, prefix);
            }
            if (SqlFailures.violates(failure, SqlFailures.FOREIGN_KEY_VIOLATION, CREATOR_KEY)) {
                throw new UnknownUserException(tenant, createdBy);
            }
            throw failure;
        }
    }

    /**
     * The key with {@code prefix} and its hash, whatever its state: the caller checks
     * {@link ApiKeyRow#isUsableAt} after comparing the hash.
     */
    public Optional<ApiKeyCredential> findByPrefix(TenantId tenant, String prefix) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + ", key_hash from api_keys where prefix = :prefix")
                        .bind("prefix", prefix)
                        .map((row, context) -> new ApiKeyCredential(row(row, context), row.getString("key_hash")))
                        .findOne());
    }

    /** Every key of the tenant, revoked ones included, oldest first; without hashes. */
    public List<ApiKeyRow> list(TenantId tenant) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + " from api_keys order by created_at, id")
                        .map(JdbiApiKeyRepository::row).list());
    }

    /**
     * The page of {@code limit} keys after {@code cursor} (the first page without one), oldest
     * first, revoked ones included; without hashes.
     *
     * @throws InvalidPageRequestException for a limit outside 1..100 or a cursor no page handed out
     */
    public Page<ApiKeyRow> list(TenantId tenant, Optional<String> cursor, int limit) {
        Cursor.requireLimit(limit, MAX_PAGE);
        Optional<Cursor> after = Cursor.decode(cursor);
        List<ApiKeyRow> rows = rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                (after.isEmpty()
                        ? handle.createQuery("select " + COLUMNS + " from api_keys order by created_at, id limit :rows")
                        : handle.createQuery("select " + COLUMNS + " from api_keys where (created_at, id) > (:at, :id) "
                                        + "order by created_at, id limit :rows")
                                .bind("at", Columns.timestamp(after.get().createdAt())).bind("id", after.get().id()))
                        .bind("rows", limit + 1).map(JdbiApiKeyRepository::row).list());
        return Cursor.page(rows, limit, ApiKeyRow::createdAt, ApiKeyRow::id);
    }

    /**
     * Revokes key {@code id} and records {@code api_key.revoked}; false (and nothing recorded)
     * when it was revoked already or the tenant has no such key.
     */
    public boolean revoke(TenantId tenant, UUID id, AuditOrigin origin) {
        Optional<AuditRecord> revoked = rls.inTenant(tenant, Execution.transaction(), handle -> handle.createQuery(
                        "update api_keys set revoked_at = now() where id = :id and revoked_at is null returning " + COLUMNS)
                .bind("id", id).map(JdbiApiKeyRepository::row).findOne()
                .map(row -> audit.appendIn(handle, origin.event(tenant, AuditAction.API_KEY_REVOKED, resource(id))
                        .withBefore(snapshot(row)))));
        revoked.ifPresent(audit::committed);
        return revoked.isPresent();
    }

    private static AuditSnapshot snapshot(ApiKeyRow key) {
        return AuditSnapshot.builder().put("name", key.name()).put("prefix", key.prefix()).put("scopes", key.scopes())
                .put("expiresAt", key.expiresAt().map(Instant::toString).orElse(null)).build();
    }

    private static String resource(UUID key) {
        return "api-keys/" + key;
    }

    /** Stamps key {@code id} as used now; false when the tenant has no such key. */
    public boolean touchLastUsed(TenantId tenant, UUID id) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle -> handle.createUpdate(
                        "update api_keys set last_used_at = now() where id = :id")
                .bind("id", id).execute()) == 1;
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > NAME_MAX) {
            throw new IllegalArgumentException("'name' must be 1 to " + NAME_MAX
                    + " characters and not blank but was " + length + " characters long");
        }
    }

    private static ApiKeyRow row(ResultSet row, StatementContext context) throws SQLException {
        return new ApiKeyRow(TenantId.of(Columns.uuid(row, "tenant_id")), Columns.uuid(row, "id"),
                Columns.uuid(row, "created_by"), row.getString("name"), row.getString("prefix"),
                Columns.textList(row, "scopes"), Columns.instant(row, "created_at"),
                Columns.optionalInstant(row, "expires_at"), Columns.optionalInstant(row, "last_used_at"),
                Columns.optionalInstant(row, "revoked_at"));
    }
}
