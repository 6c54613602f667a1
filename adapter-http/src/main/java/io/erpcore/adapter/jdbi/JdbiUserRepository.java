package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.EncryptedColumn;
import io.erpcore.security.FieldDecryptionException;
import io.erpcore.security.FieldEncryption;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The users of a tenant, in PostgreSQL. Every method runs in the tenant's scope, so another
 * tenant's user is simply not there: not found, not updated, not deleted. Each read is one
 * statement in one round trip, retried after transient failures. Each change is one transaction
 * that also appends its audit event ({@code user.created}, {@code user.updated},
 * {@code user.deleted}) to the tenant's trail, so there is no change without its event; changes
 * are not retried, since a retry after a lost commit would record the change twice. Thread-safe.
 *
 * <p>The phone number is plaintext in {@link NewUser}, {@link UserUpdate} and {@link UserRow} and
 * ciphertext in {@code users.phone_encrypted}: encrypted for the tenant and column {@link #PHONE}
 * before a statement is sent, decrypted after a row is read. Callers never see ciphertext and the
 * database never sees the number. A stored value that does not decrypt for the tenant reading it
 * fails the whole call with a {@link FieldDecryptionException}, rather than showing as no phone.
 */
public final class JdbiUserRepository {

    /** The largest page {@link #list} serves. */
    public static final int MAX_PAGE = 100;
    /** The encrypted field behind {@code users.phone_encrypted}, bound into every phone ciphertext. */
    public static final EncryptedColumn PHONE = EncryptedColumn.of("users", "phone");

    static final String EMAIL_KEY = "users_tenant_email_key";
    private static final String COLUMNS = "tenant_id, id, email, display_name, phone_encrypted, password_hash, "
            + "roles, status, created_at, updated_at";
    private static final String FIRST_PAGE = "select " + COLUMNS + " from users order by created_at, id limit :rows";
    private static final String NEXT_PAGE = "select " + COLUMNS + " from users where (created_at, id) > (:at, :id) "
            + "order by created_at, id limit :rows";
    private static final String UPDATE = "update users set "
            + "display_name = coalesce(cast(:displayName as text), display_name), "
            + "phone_encrypted = case when :removesPhone then null "
            + "else coalesce(cast(:phone as text), phone_encrypted) end, "
            + "roles = case when :changesRoles then cast(:roles as text[]) else roles end, "
            + "status = coalesce(cast(:status as text), status), updated_at = now() "
            + "where id = :id returning " + COLUMNS;

    private static final String CREDENTIALS = "id, password_hash, status, roles";
    private static final String LOCK_FOR_UPDATE = "select email, display_name, roles, status, "
            + "phone_encrypted is not null as has_phone from users where id = :id for update";
    private static final String DELETE = "delete from users where id = :id "
            + "returning email, display_name, roles, status, phone_encrypted is not null as has_phone";

    private final RlsExecutor<Handle> rls;
    private final FieldEncryption encryption;
    private final JdbiAuditTrail audit;

    private JdbiUserRepository(RlsExecutor<Handle> rls, FieldEncryption encryption, JdbiAuditTrail audit) {
        this.rls = rls;
        this.encryption = encryption;
        this.audit = audit;
    }

    /**
     * A repository whose every statement goes through {@code rls}, with phone numbers under
     * {@code encryption} and every change recorded in {@code audit}.
     */
    public static JdbiUserRepository create(RlsExecutor<Handle> rls, FieldEncryption encryption, JdbiAuditTrail audit) {
        return new JdbiUserRepository(Objects.requireNonNull(rls, "rls"), Objects.requireNonNull(encryption, "encryption"),
                Objects.requireNonNull(audit, "audit"));
    }

    /**
     * Creates {@code user} in {@code tenant} with a new id, and records {@code user.created}.
     *
     * @throws DuplicateEmailException when the tenant has a user with the same e-mail in any case
     */
    public UserRow create(TenantId tenant, NewUser user, AuditOrigin origin) {
        UUID id = UUID.randomUUID();
        Optional<String> phone = user.phone().map(number -> encryption.encrypt(tenant, PHONE, number));
        try {
            Recorded<UserRow> created = rls.inTenant(tenant, Execution.transaction(), handle -> {
                UserRow row = insert(handle, tenant, id, user, phone);
                return new Recorded<>(row, audit.appendIn(handle, UserAudit.created(tenant, origin, row)));
            });
            audit.committed(created.event());
            return created.value();
        } catch (RuntimeException failure) {
            if (SqlFailures.violates(failure, SqlFailures.UNIQUE_VIOLATION, EMAIL_KEY)) {
                throw new DuplicateEmailException(tenant);
            }
            throw failure;
        }
    }

    public Optional<UserRow> findById(TenantId tenant, UUID id) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + " from users where id = :id")
                        .bind("id", id).map(rows(tenant)).findOne());
    }

    /** The credentials of the user whose e-mail equals {@code email} without regard to case. */
    public Optional<UserCredentials> findCredentialsByEmail(TenantId tenant, String email) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + CREDENTIALS + " from users where lower(email) = lower(:email)")
                        .bind("email", email).map(JdbiUserRepository::credentials).findOne());
    }

    /** The credentials of user {@code id}. */
    public Optional<UserCredentials> findCredentialsById(TenantId tenant, UUID id) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + CREDENTIALS + " from users where id = :id")
                        .bind("id", id).map(JdbiUserRepository::credentials).findOne());
    }

    /**
     * Replaces the password hash of user {@code id} with {@code newHash}, if it is still
     * {@code oldHash}: a rehash at a higher cost after a successful sign-in, which changes no
     * password and so records no audit event. Whether it was replaced.
     */
    public boolean upgradePasswordHash(TenantId tenant, UUID id, String oldHash, String newHash) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createUpdate("update users set password_hash = :newHash where id = :id and password_hash = :oldHash")
                        .bind("id", id).bind("oldHash", oldHash).bind("newHash", newHash).execute()) == 1;
    }

    /** The user whose e-mail equals {@code email} without regard to case. */
    public Optional<UserRow> findByEmail(TenantId tenant, String email) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + " from users where lower(email) = lower(:email)")
                        .bind("email", email).map(rows(tenant)).findOne());
    }

    /**
     * The page of {@code limit} users after {@code cursor} (the first page without one), oldest first.
     *
     * @throws InvalidPageRequestException for a limit outside 1..100 or a cursor no page handed out
     */
    public Page<UserRow> list(TenantId tenant, Optional<String> cursor, int limit) {
        Cursor.requireLimit(limit, MAX_PAGE);
        Optional<Cursor> after = Cursor.decode(cursor);
        List<UserRow> rows = rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                (after.isEmpty() ? handle.createQuery(FIRST_PAGE)
                        : handle.createQuery(NEXT_PAGE).bind("at", Columns.timestamp(after.get().createdAt()))
                                .bind("id", after.get().id()))
                        .bind("rows", limit + 1).map(rows(tenant)).list());
        return Cursor.page(rows, limit, UserRow::createdAt, UserRow::id);
    }

    /**
     * Applies {@code update}, sets {@code updated_at} and records {@code user.updated} with the
     * fields that changed (none recorded when nothing did); empty when the tenant has no such user.
     */
    public Optional<UserRow> update(TenantId tenant, UUID id, UserUpdate update, AuditOrigin origin) {
        Optional<String> phone = update.phone().map(number -> encryption.encrypt(tenant, PHONE, number));
        Optional<Recorded<UserRow>> updated = rls.inTenant(tenant, Execution.transaction(), handle -> {
            Optional<UserAudit.Stored> before = handle.createQuery(LOCK_FOR_UPDATE).bind("id", id)
                    .map(JdbiUserRepository::stored).findOne();
            if (before.isEmpty()) {
                return Optional.empty();
            }
            UserRow after = handle.createQuery(UPDATE).bind("id", id)
                    .bind("displayName", update.displayName().orElse(null))
                    .bind("removesPhone", update.removesPhone())
                    .bind("phone", phone.orElse(null))
                    .bind("changesRoles", update.roles().isPresent())
                    .bindArray("roles", String.class, update.roles().orElse(List.of()))
                    .bind("status", update.status().orElse(null))
                    .map(rows(tenant)).one();
            Optional<AuditRecord> event = UserAudit.updated(tenant, origin, before.get(), after, update)
                    .map(change -> audit.appendIn(handle, change));
            return Optional.of(new Recorded<>(after, event.orElse(null)));
        });
        updated.map(Recorded::event).filter(Objects::nonNull).ifPresent(audit::committed);
        return updated.map(Recorded::value);
    }

    /**
     * Deletes the user, and with it (by cascade) its refresh tokens and API keys, and records
     * {@code user.deleted}; its audit events stay. Whether the tenant had such a user.
     */
    public boolean delete(TenantId tenant, UUID id, AuditOrigin origin) {
        Optional<AuditRecord> deleted = rls.inTenant(tenant, Execution.transaction(), handle ->
                handle.createQuery(DELETE).bind("id", id).map(JdbiUserRepository::stored).findOne()
                        .map(before -> audit.appendIn(handle, UserAudit.deleted(tenant, origin, id, before))));
        deleted.ifPresent(audit::committed);
        return deleted.isPresent();
    }

    /**
     * Inserts {@code user} with {@code id} through a handle already scoped to {@code tenant};
     * {@code phoneCiphertext} is the user's phone number encrypted for {@code tenant} and {@link #PHONE}.
     */
    static UserRow insert(Handle handle, TenantId tenant, UUID id, NewUser user, Optional<String> phoneCiphertext) {
        if (user.phone().isPresent() != phoneCiphertext.isPresent()) {
            throw new IllegalArgumentException("a new user's phone number and its ciphertext come together or not at all");
        }
        return handle.createQuery("insert into users (tenant_id, id, email, display_name, phone_encrypted, "
                        + "password_hash, roles, status) values (:tenant, :id, :email, :displayName, :phone, "
                        + ":passwordHash, cast(:roles as text[]), :status) returning " + COLUMNS)
                .bind("tenant", tenant.value()).bind("id", id).bind("email", user.email())
                .bind("displayName", user.displayName()).bind("phone", phoneCiphertext.orElse(null))
                .bind("passwordHash", user.passwordHash()).bindArray("roles", String.class, user.roles())
                .bind("status", UserRow.ACTIVE)
                // The number just encrypted is at hand; decrypting it again would prove nothing.
                .map((row, context) -> row(row, user.phone())).one();
    }

    // Decrypted as the tenant the caller asked for, not the row's tenant_id: under RLS they are the
    // same, and were they ever not, the value would fail to decrypt rather than show.
    private RowMapper<UserRow> rows(TenantId tenant) {
        return (row, context) -> row(row, Columns.optionalText(row, "phone_encrypted")
                .map(ciphertext -> encryption.decrypt(tenant, PHONE, ciphertext)));
    }

    private static UserCredentials credentials(ResultSet row, StatementContext context) throws SQLException {
        return new UserCredentials(Columns.uuid(row, "id"), row.getString("password_hash"), row.getString("status"),
                Columns.textList(row, "roles"));
    }

    private static UserAudit.Stored stored(ResultSet row, StatementContext context) throws SQLException {
        return new UserAudit.Stored(row.getString("email"), row.getString("display_name"),
                Columns.textList(row, "roles"), row.getString("status"), row.getBoolean("has_phone"));
    }

    private static UserRow row(ResultSet row, Optional<String> phone) throws SQLException {
        return new UserRow(TenantId.of(Columns.uuid(row, "tenant_id")), Columns.uuid(row, "id"),
                row.getString("email"), row.getString("display_name"), phone,
                row.getString("password_hash"), Columns.textList(row, "roles"), row.getString("status"),
                Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
    }
}
