package io.erpcore.adapter.jdbi;

import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit trail in PostgreSQL: append-only (the runtime role may not update or delete it) and
 * hash-chained per tenant. Appends of one tenant are serialized by a transaction-scoped advisory
 * lock, so concurrent writers, in this process or another, never fork the chain: each reads the
 * head only once it holds the lock. Everything runs in the tenant's scope. Thread-safe.
 */
public final class JdbiAuditEventRepository {

    /** The largest number of events {@link #list} returns at once. */
    public static final int MAX_BATCH = 1000;

    private static final String COLUMNS = "tenant_id, seq, id, action, actor_id, resource, before, after, at, "
            + "prev_hash, hash";
    // A namespace in the lock key keeps these locks apart from any other advisory lock on the tenant.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('audit_events:' || :tenant, 0))";
    // clock_timestamp(), not now(): read after the lock, so times follow the order of seq.
    private static final String HEAD_AND_CLOCK = "select head.seq, head.hash, clock_timestamp() as at, "
            + "cast(cast(:before as jsonb) as text) as before, cast(cast(:after as jsonb) as text) as after "
            + "from (values (1)) as one left join lateral "
            + "(select seq, hash from audit_events order by seq desc limit 1) as head on true";
    private static final String INSERT = "insert into audit_events "
            + "(tenant_id, seq, id, action, actor_id, resource, before, after, at, prev_hash, hash) values "
            + "(:tenant, :seq, :id, :action, :actor, :resource, cast(:before as jsonb), cast(:after as jsonb), :at, "
            + ":prevHash, :hash)";

    private final RlsExecutor<Handle> rls;
    private final AuditHasher hasher;

    private JdbiAuditEventRepository(RlsExecutor<Handle> rls, AuditHasher hasher) {
        this.rls = rls;
        this.hasher = hasher;
    }

    /** A repository chaining with {@link AuditHashes#sha256()}. */
    public static JdbiAuditEventRepository create(RlsExecutor<Handle> rls) {
        return create(rls, AuditHashes.sha256());
    }

    /** A repository chaining with {@code hasher}. */
    public static JdbiAuditEventRepository create(RlsExecutor<Handle> rls, AuditHasher hasher) {
        return new JdbiAuditEventRepository(Objects.requireNonNull(rls, "rls"),
                Objects.requireNonNull(hasher, "hasher"));
    }

    /**
     * Appends {@code event} to {@code tenant}'s chain: under the tenant's lock, reads the head,
     * numbers the event after it, hashes it and inserts it, in one transaction. Not retried: a
     * retry after a lost commit would append the event twice.
     *
     * @throws IllegalArgumentException when {@code before} or {@code after} is not JSON
     */
    public AuditEventRow append(TenantId tenant, AuditAppend event) {
        try {
            return rls.inTenant(tenant, Execution.transaction(), handle -> {
                handle.createQuery(LOCK).bind("tenant", tenant.toString()).map((row, context) -> true).one();
                Next next = handle.createQuery(HEAD_AND_CLOCK)
                        .bind("before", event.beforeJson().orElse(null)).bind("after", event.afterJson().orElse(null))
                        .map(JdbiAuditEventRepository::next).one();
                AuditDraft draft = new AuditDraft(tenant, next.head().seq() + 1, UUID.randomUUID(), next.at(),
                        event.action(), event.actorId(), event.resource(), next.before(), next.after(),
                        next.head().hash());
                AuditEventRow appended = draft.withHash(requireHash(hasher.hash(next.head(), draft)));
                insert(handle, appended);
                return appended;
            });
        } catch (RuntimeException failure) {
            if (SqlFailures.hasState(failure, SqlFailures.INVALID_TEXT_REPRESENTATION)) {
                throw new IllegalArgumentException("'before' or 'after' of audit event '" + event.action()
                        + "' is not valid JSON");
            }
            throw failure;
        }
    }

    /**
     * Up to {@code limit} events of {@code tenant} with a sequence number above {@code afterSeq},
     * in chain order; {@code afterSeq} 0 starts at the beginning.
     *
     * @throws InvalidPageRequestException for a limit outside 1..1000
     */
    public List<AuditEventRow> list(TenantId tenant, long afterSeq, int limit) {
        Cursor.requireLimit(limit, MAX_BATCH);
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select " + COLUMNS + " from audit_events where seq > :after "
                                + "order by seq limit :limit")
                        .bind("after", afterSeq).bind("limit", limit).map(JdbiAuditEventRepository::row).list());
    }

    /** The head of {@code tenant}'s chain, {@link AuditHead#GENESIS} while it has no events. */
    public AuditHead head(TenantId tenant) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select seq, hash from audit_events order by seq desc limit 1")
                        .map((row, context) -> new AuditHead(row.getLong("seq"), row.getString("hash"))).findOne())
                .orElse(AuditHead.GENESIS);
    }

    private static void insert(Handle handle, AuditEventRow event) {
        handle.createUpdate(INSERT).bind("tenant", event.tenantId().value()).bind("seq", event.seq())
                .bind("id", event.id()).bind("action", event.action())
                .bindByType("actor", event.actorId().orElse(null), UUID.class)
                .bind("resource", event.resource()).bind("before", event.before().orElse(null))
                .bind("after", event.after().orElse(null)).bind("at", Columns.timestamp(event.at()))
                .bind("prevHash", event.prevHash()).bind("hash", event.hash()).execute();
    }

    private static String requireHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalStateException("the audit hasher returned no hash");
        }
        return hash;
    }

    /** What the appending transaction reads under the lock. */
    private record Next(AuditHead head, Instant at, Optional<String> before, Optional<String> after) {
    }

    private static Next next(ResultSet row, StatementContext context) throws SQLException {
        String hash = row.getString("hash");
        AuditHead head = hash == null ? AuditHead.GENESIS : new AuditHead(row.getLong("seq"), hash);
        return new Next(head, Columns.instant(row, "at"), Columns.optionalText(row, "before"),
                Columns.optionalText(row, "after"));
    }

    private static AuditEventRow row(ResultSet row, StatementContext context) throws SQLException {
        return new AuditEventRow(TenantId.of(Columns.uuid(row, "tenant_id")), row.getLong("seq"),
                Columns.uuid(row, "id"), row.getString("action"), Columns.optionalUuid(row, "actor_id"),
                row.getString("resource"), Columns.optionalText(row, "before"), Columns.optionalText(row, "after"),
                Columns.instant(row, "at"), row.getString("prev_hash"), row.getString("hash"));
    }
}
