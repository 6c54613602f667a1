package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.DuplicateTenantSlugException;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantDirectory;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@link TenantDirectory} in PostgreSQL's {@code tenants} table, plus the platform API's
 * writes. Lookups and lists run in the platform scope as one idempotent statement each; creating
 * a tenant runs in the provisioning scope, so the tenant, its owner and their audit events
 * ({@code tenant.created}, {@code user.created}, the first of the tenant's trail) are stored
 * together or not at all; an update records {@code tenant.suspended}, {@code tenant.reactivated}
 * or {@code tenant.updated} in the tenant's trail, in its own transaction. Thread-safe; every call blocks on the database. Callers that cache lookups
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

    private static final String LOCK_FOR_UPDATE = "select " + COLUMNS + " from tenants where id = :id for update";

    private final RlsExecutor<Handle> rls;
    private final JdbiAuditTrail audit;

    private JdbiTenantDirectory(RlsExecutor<Handle> rls, JdbiAuditTrail audit) {
        this.rls = rls;
        this.audit = audit;
    }

    /** A directory whose every statement goes through {@code rls}, recording its writes in {@code audit}. */
    public static JdbiTenantDirectory create(RlsExecutor<Handle> rls, JdbiAuditTrail audit) {
        return new JdbiTenantDirectory(Objects.requireNonNull(rls, "rls"), Objects.requireNonNull(audit, "audit"));
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
     * transaction with their audit events.
     *
     * @throws DuplicateTenantSlugException when another tenant has the slug; nothing is stored
     */
    public Tenant create(NewTenant tenant, AuditOrigin origin) {
        TenantId id = TenantId.random();
        try {
            List<AuditRecord> events = new ArrayList<>(2);
            Tenant stored = rls.provisioning(id, handle -> {
                Tenant created = handle.createQuery("insert into tenants (id, slug, name) values (:id, :slug, :name) "
                                + "returning " + COLUMNS)
                        .bind("id", id.value()).bind("slug", tenant.slug()).bind("name", tenant.name())
                        .map(JdbiTenantDirectory::tenant).one();
                events.add(audit.appendIn(handle, origin.event(id, AuditAction.TENANT_CREATED, resource(id))
                        .withAfter(snapshot(created))));
                // The admin carries no phone number, so there is nothing to encrypt.
                UserRow owner = JdbiUserRepository.insert(handle, id, UUID.randomUUID(), tenant.admin().asOwner(),
                        Optional.empty());
                events.add(audit.appendIn(handle, UserAudit.created(id, origin, owner)));
                return created;
            });
            events.forEach(audit::committed);
            return stored;
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

    /**
     * Applies {@code update} and records it in the tenant's trail: {@code tenant.suspended} or
     * {@code tenant.reactivated} when the status changes, else {@code tenant.updated} when anything
     * does; empty when there is no tenant {@code id}.
     */
    public Optional<Tenant> update(TenantId id, TenantUpdate update, AuditOrigin origin) {
        List<AuditRecord> events = new ArrayList<>(1);
        Optional<Tenant> updated = rls.provisioning(id, handle -> {
            Optional<Tenant> before = handle.createQuery(LOCK_FOR_UPDATE).bind("id", id.value())
                    .map(JdbiTenantDirectory::tenant).findOne();
            if (before.isEmpty()) {
                return Optional.<Tenant>empty();
            }
            Tenant after = handle.createQuery(UPDATE)
                    .bind("id", id.value())
                    .bind("name", update.name().orElse(null))
                    .bind("status", update.status().map(TenantStatus::id).orElse(null))
                    .bind("changesRateLimit", update.rateLimitMax().isPresent() || update.removesRateLimitMax())
                    .bind("rateLimitMax", update.rateLimitMax().orElse(null))
                    .map(JdbiTenantDirectory::tenant).one();
            changeOf(before.get(), after).ifPresent(action -> events.add(audit.appendIn(handle,
                    origin.event(id, action, resource(id)).withBefore(snapshot(before.get())).withAfter(snapshot(after)))));
            return Optional.of(after);
        });
        events.forEach(audit::committed);
        return updated;
    }

    private static Optional<AuditAction> changeOf(Tenant before, Tenant after) {
        if (before.status() != after.status()) {
            return Optional.of(after.status() == TenantStatus.SUSPENDED
                    ? AuditAction.TENANT_SUSPENDED : AuditAction.TENANT_REACTIVATED);
        }
        boolean changed = !before.name().equals(after.name()) || !before.rateLimitMax().equals(after.rateLimitMax());
        return changed ? Optional.of(AuditAction.TENANT_UPDATED) : Optional.empty();
    }

    private static AuditSnapshot snapshot(Tenant tenant) {
        AuditSnapshot.Builder snapshot = AuditSnapshot.builder().put("slug", tenant.slug()).put("name", tenant.name())
                .put("status", tenant.status().id());
        return tenant.rateLimitMax().map(max -> snapshot.put("rateLimitMax", (long) max))
                .orElseGet(() -> snapshot.put("rateLimitMax", (String) null)).build();
    }

    private static String resource(TenantId id) {
        return "tenants/" + id;
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
