package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.EncryptedColumn;
import io.erpcore.security.FieldDecryptionException;
import io.erpcore.security.FieldEncryption;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The users of a tenant, in PostgreSQL. Every method runs in the tenant's scope, so another
 * tenant's user is simply not there: not found, not updated, not deleted. Each method is one
 * statement in one round trip; reads and updates are retried after transient failures.
 * Thread-safe.
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

    private final RlsExecutor<Handle> rls;
    private final FieldEncryption encryption;

    private JdbiUserRepository(RlsExecutor<Handle> rls, FieldEncryption encryption) {
        this.rls = rls;
        this.encryption = encryption;
    }

    /** A repository whose every statement goes through {@code rls}, with phone numbers under {@code encryption}. */
    public static JdbiUserRepository create(RlsExecutor<Handle> rls, FieldEncryption encryption) {
        return new JdbiUserRepository(Objects.requireNonNull(rls, "rls"), Objects.requireNonNull(encryption, "encryption"));
    }

    /**
     * Creates {@code user} in {@code tenant} with a new id.
     *
     * @throws DuplicateEmailException when the tenant has a user with the same e-mail in any case
     */
    public UserRow create(TenantId tenant, NewUser user) {
        UUID id = UUID.randomUUID();
        Optional<String> phone = user.phone().map(number -> encryption.encrypt(tenant, PHONE, number));
        try {
            return rls.inTenant(tenant, Execution.singleStatement(), handle -> insert(handle, tenant, id, user, phone));
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

    /** Applies {@code update} and sets {@code updated_at}; empty when the tenant has no such user. */
    public Optional<UserRow> update(TenantId tenant, UUID id, UserUpdate update) {
        Optional<String> phone = update.phone().map(number -> encryption.encrypt(tenant, PHONE, number));
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery(UPDATE).bind("id", id)
                        .bind("displayName", update.displayName().orElse(null))
                        .bind("removesPhone", update.removesPhone())
                        .bind("phone", phone.orElse(null))
                        .bind("changesRoles", update.roles().isPresent())
                        .bindArray("roles", String.class, update.roles().orElse(List.of()))
                        .bind("status", update.status().orElse(null))
                        .map(rows(tenant)).findOne());
    }

    /**
     * Deletes the user, and with it (by cascade) its refresh tokens and API keys; its audit
     * events stay. Whether the tenant had such a user.
     */
    public boolean delete(TenantId tenant, UUID id) {
        return rls.inTenant(tenant, Execution.singleStatement(), handle ->
                handle.createUpdate("delete from users where id = :id").bind("id", id).execute()) > 0;
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

    private static UserRow row(ResultSet row, Optional<String> phone) throws SQLException {
        return new UserRow(TenantId.of(Columns.uuid(row, "tenant_id")), Columns.uuid(row, "id"),
                row.getString("email"), row.getString("display_name"), phone,
                row.getString("password_hash"), Columns.textList(row, "roles"), row.getString("status"),
                Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
    }
}
