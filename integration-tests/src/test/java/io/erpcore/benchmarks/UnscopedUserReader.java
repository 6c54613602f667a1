package io.erpcore.benchmarks;

import io.erpcore.adapter.jdbi.CaffeineJdbiCaches;
import io.erpcore.adapter.jdbi.JdbiUserRepository;
import io.erpcore.adapter.jdbi.Page;
import io.erpcore.adapter.jdbi.UserRow;
import io.erpcore.security.FieldEncryption;
import io.erpcore.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The first page of a tenant's users read the way an application without row-level security would:
 * a role that bypasses it filters with {@code where tenant_id = ?} itself, on a JDBI set up as the
 * product's (its plugin and caches) but without the executor, scope, bulkhead or statement metrics. Columns, order, row mapping (the phone
 * decrypted as the repository does) and the page's cursor are those of {@link JdbiUserRepository#list},
 * so the answer is the same; only the tenant scoping is missing. The harness's baseline, never shipped.
 */
final class UnscopedUserReader {

    private static final String FIRST_PAGE = "select tenant_id, id, email, display_name, phone_encrypted, password_hash,"
            + " roles, status, created_at, updated_at from users where tenant_id = :tenant"
            + " order by created_at, id limit :rows";

    private final Jdbi jdbi;
    private final FieldEncryption encryption;

    private UnscopedUserReader(Jdbi jdbi, FieldEncryption encryption) {
        this.jdbi = jdbi;
        this.encryption = encryption;
    }

    /** A reader on {@code pool}, whose role must bypass row-level security (or see no rows). */
    static UnscopedUserReader over(DataSource pool, FieldEncryption encryption) {
        return new UnscopedUserReader(CaffeineJdbiCaches.install(Jdbi.create(pool).installPlugin(new PostgresPlugin())),
                encryption);
    }

    /** The first {@code limit} users of {@code tenant}, oldest first, with the cursor of the next page. */
    Page<UserRow> firstPage(TenantId tenant, int limit) {
        List<UserRow> rows = jdbi.withHandle(handle -> handle.createQuery(FIRST_PAGE)
                .bind("tenant", tenant.value()).bind("rows", limit + 1)
                .map((row, context) -> row(row, tenant)).list());
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        UserRow last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Optional.of(cursor(last.createdAt(), last.id())));
    }

    private UserRow row(ResultSet row, TenantId tenant) throws SQLException {
        Optional<String> phone = Optional.ofNullable(row.getString("phone_encrypted"))
                .map(ciphertext -> encryption.decrypt(tenant, JdbiUserRepository.PHONE, ciphertext));
        return new UserRow(TenantId.of(row.getObject("tenant_id", UUID.class)), row.getObject("id", UUID.class),
                row.getString("email"), row.getString("display_name"), phone, row.getString("password_hash"),
                textList(row.getArray("roles")), row.getString("status"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> textList(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /** The repository's cursor: base64url of the creation time in microseconds and the id, 24 bytes. */
    private static String cursor(Instant createdAt, UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(24).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt))
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
