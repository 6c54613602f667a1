package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.tenancy.DuplicateTenantSlugException;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantDirectory;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@link TenantDirectory} in PostgreSQL's {@code tenants} table, plus the platform API's
 * writes. Lookups and lists run in the platform scope as one idempotent statement each; creating
 * a tenant runs in the provisioning scope, so the tenant and its owner are stored together or not
 * at all. Thread-safe; every call blocks on the database. Callers that cache lookups
 * ({@code CachingTenantDirectory}) invalidate after a write.
 */
public final class JdbiTenantDirectory implements TenantDirectory {

    /** The largest page {@link #list} serves. */
    public static final int MAX_PAGE = 100;

    static final String SLUG_KEY = "tenants_slug_key";
    private static final String COLUMNS = "id, slug, name, status, rate_limit_max, created_at";
    private static final String BY_ID = "select " + COLUMNS + " from tenants where id = :id";
    private static final String BY_SLUG = "select " + COLUMNS + " from tenants where slug = :slug";
    private static final String FIRST_PAGE = "select " + COLUMNS + " from tenants order by created_at, id limit :rows";
    private static final String NEXT_PAGE = "select " + COLUMNS + " from tenants where (created_at, id) > (:at, :id) "
            + "order by created_at, id limit :rows";
    private static final String UPDATE = "update tenants set name = coalesce(cast(:name as text), name), "
            + "status = coalesce(cast(:status as text), status), "
            + "rate_limit_max = case when :changesRateLimit then cast(:rateLimitMax as integer) "
            + "else rate_limit_max end, "
            + "updated_at = now() where id = :id returning " + COLUMNS;
    private static final Execution READ = Execution.singleStatement().idempotent();

    private final RlsExecutor<Handle> rls;

    private JdbiTenantDirectory(RlsExecutor<Handle> rls) {
        this.rls = rls;
    }

    /** A directory whose every statement goes through {@code rls}. */
    public static JdbiTenantDirectory create(RlsExecutor<Handle> rls) {
        return new JdbiTenantDirectory(Objects.requireNonNull(rls, "rls"));
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        Objects.requireNonNull(id, "id");
        return rls.inPlatformScope(READ, handle -> handle.createQuery(BY_ID)
                .bind("id", id.value()).map(JdbiTenantDirectory::tenant).findOne());
    }

    /** Matches exactly; text that is no slug simply matches nothing. */
    @Override
    public Optional<Tenant> findBySlug(String slug) {
        Objects.requireNonNull(slug, "slug");
        return rls.inPlatformScope(READ, handle -> handle.createQuery(BY_SLUG)
                .bind("slug", slug).map(JdbiTenantDirectory::tenant).findOne());
    }

    /**
     * Creates an active tenant with a new id and its admin as its {@code owner} user, in one
     * transaction.
     *
     * @throws DuplicateTenantSlugException when another tenant has the slug; nothing is stored
     */
    public Tenant create(NewTenant tenant) {
        TenantId id = TenantId.random();
        try {
            return rls.provisioning(id, handle -> {
                Tenant created = handle.createQuery("insert into tenants (id, slug, name) values (:id, :slug, :name) "
                                + "returning " + COLUMNS)
                        .bind("id", id.value()).bind("slug", tenant.slug()).bind("name", tenant.name())
                        .map(JdbiTenantDirectory::tenant).one();
                // The admin carries no phone number, so there is nothing to encrypt.
                JdbiUserRepository.insert(handle, id, UUID.randomUUID(), tenant.admin().asOwner(), Optional.empty());
                return created;
            });
        } catch (RuntimeException failure) {
            if (SqlFailures.violates(failure, SqlFailures.UNIQUE_VIOLATION, SLUG_KEY)) {
                Optional<TenantId> owner = findBySlug(tenant.slug()).map(Tenant::id);
                if (owner.isPresent()) {
                    throw new DuplicateTenantSlugException(tenant.slug(), owner.get(), id);
                }
            }
            throw failure;
        }
    }

    /** Applies {@code update}; empty when there is no tenant {@code id}. */
    public Optional<Tenant> update(TenantId id, TenantUpdate update) {
        return rls.inPlatformScope(Execution.singleStatement().idempotent(), handle -> handle.createQuery(UPDATE)
                .bind("id", id.value())
                .bind("name", update.name().orElse(null))
                .bind("status", update.status().map(TenantStatus::id).orElse(null))
                .bind("changesRateLimit", update.rateLimitMax().isPresent() || update.removesRateLimitMax())
                .bind("rateLimitMax", update.rateLimitMax().orElse(null))
                .map(JdbiTenantDirectory::tenant).findOne());
    }

    /**
     * The page of {@code limit} tenants after {@code cursor} (the first page without one), oldest first.
     *
     * @throws InvalidPageRequestException for a limit outside 1..100 or a cursor no page handed out
     */
    public Page<Tenant> list(Optional<String> cursor, int limit) {
        Cursor.requireLimit(limit, MAX_PAGE);
        Optional<Cursor> after = Cursor.decode(cursor);
        List<Tenant> rows = rls.inPlatformScope(READ, handle ->
                (after.isEmpty() ? handle.createQuery(FIRST_PAGE)
                        : handle.createQuery(NEXT_PAGE).bind("at", Columns.timestamp(after.get().createdAt()))
                                .bind("id", after.get().id()))
                        .bind("rows", limit + 1).map(JdbiTenantDirectory::tenant).list());
        return Cursor.page(rows, limit, Tenant::createdAt, tenant -> tenant.id().value());
    }

    private static Tenant tenant(ResultSet row, StatementContext context) throws SQLException {
        int rateLimit = row.getInt("rate_limit_max");
        Optional<Integer> rateLimitMax = row.wasNull() ? Optional.empty() : Optional.of(rateLimit);
        return new Tenant(TenantId.of(Columns.uuid(row, "id")), row.getString("slug"), row.getString("name"),
                TenantStatus.ofId(row.getString("status")), rateLimitMax, Columns.instant(row, "created_at"));
    }
}
