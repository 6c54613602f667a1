package io.erpcore.adapter.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.security.audit.AuditChainCheck;
import io.erpcore.security.audit.AuditDraft;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditHasher;
import io.erpcore.security.audit.AuditHashes;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.security.audit.AuditPage;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.security.audit.AuditTrail;
import io.erpcore.security.audit.AuditVerification;
import io.erpcore.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit trail in PostgreSQL: append-only (the runtime role may not update or delete it) and
 * hash-chained per tenant. Appends of one tenant are serialized by a transaction-scoped advisory
 * lock, so concurrent writers, in this process or another, never fork the chain: each reads the
 * head only once it holds the lock. Every committed head is remembered in {@link AuditHeads} and
 * logged with its event, outside the table. Everything runs in the tenant's scope. Thread-safe.
 */
public final class JdbiAuditTrail implements AuditTrail {

    /** How many events {@link #verify} reads per statement. */
    static final int VERIFY_BATCH = 1000;

    private static final StructuredLogger LOG = StructuredLogger.forModule("audit");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "tenant_id, seq, id, action, actor_id, resource, correlation_id, "
            + "before::text as before, after::text as after, at, prev_hash, hash";
    // A namespace in the lock key keeps these locks apart from any other advisory lock on the tenant.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('audit_events:' || :tenant, 0))";
    // clock_timestamp(), not now(): read after the lock, so times follow the order of seq. The
    // JSON comes back in jsonb's own text form, the one a later read returns and the hash covers.
    private static final String HEAD_AND_CLOCK = "select head.seq, head.hash, clock_timestamp() as at, "
            + "cast(cast(:before as jsonb) as text) as before, cast(cast(:after as jsonb) as text) as after "
            + "from (values (1)) as one left join lateral "
            + "(select seq, hash from audit_events order by seq desc limit 1) as head on true";
    private static final String INSERT = "insert into audit_events (tenant_id, seq, id, action, actor_id, resource, "
            + "correlation_id, before, after, at, prev_hash, hash) values (:tenant, :seq, :id, :action, :actor, "
            + ":resource, :correlation, cast(:before as jsonb), cast(:after as jsonb), :at, :prevHash, :hash)";
    private static final String IN_ORDER = "select " + COLUMNS + " from audit_events where seq > :after "
            + "order by seq limit :limit";

    private final RlsExecutor<Handle> rls;
    private final AuditHasher hasher;
    private final AuditHeads heads;

    private JdbiAuditTrail(RlsExecutor<Handle> rls, AuditHasher hasher, AuditHeads heads) {
        this.rls = rls;
        this.hasher = hasher;
        this.heads = heads;
    }

    /** A trail chaining with {@link AuditHashes#sha256()} and remembering its heads in {@code heads}. */
    public static JdbiAuditTrail create(RlsExecutor<Handle> rls, AuditHeads heads) {
        return create(rls, AuditHashes.sha256(), heads);
    }

    /** A trail chaining with {@code hasher}. */
    public static JdbiAuditTrail create(RlsExecutor<Handle> rls, AuditHasher hasher, AuditHeads heads) {
        return new JdbiAuditTrail(Objects.requireNonNull(rls, "rls"), Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(heads, "heads"));
    }

    @Override
    public void record(AuditEvent event) {
        append(event);
    }

    /**
     * Appends {@code event} in a transaction of its own and returns it as stored. Not retried: a
     * retry after a lost commit would append the event twice.
     */
    public AuditRecord append(AuditEvent event) {
        AuditRecord appended = rls.inTenant(event.tenantId(), Execution.transaction(),
                handle -> appendIn(handle, event));
        committed(appended);
        return appended;
    }

    /**
     * Appends {@code event} through {@code handle}, a transaction already scoped to the event's
     * tenant, so the event commits or rolls back with the change it records. The tenant's chain
     * stays locked until that transaction ends. Call {@link #committed} once it has committed.
     */
    AuditRecord appendIn(Handle handle, AuditEvent event) {
        TenantId tenant = event.tenantId();
        handle.createQuery(LOCK).bind("tenant", tenant.toString()).map((row, context) -> true).one();
        Next next = handle.createQuery(HEAD_AND_CLOCK)
                .bind("before", event.before().map(JdbiAuditTrail::json).orElse(null))
                .bind("after", event.after().map(JdbiAuditTrail::json).orElse(null))
                .map(JdbiAuditTrail::next).one();
        AuditDraft draft = new AuditDraft(tenant, next.head().seq() + 1, UUID.randomUUID(), next.at(),
                event.action().name(), event.actorId(), event.resource(), event.correlationId(), next.before(),
                next.after(), next.head().hash());
        AuditRecord appended = draft.sealedWith(requireHash(hasher.hash(draft)));
        insert(handle, appended);
        return appended;
    }

    /** {@code event}'s transaction committed: its head moves, and the event goes to the log. */
    void committed(AuditRecord event) {
        heads.advance(event.tenantId(), event.asHead());
        Map<String, Object> context = new HashMap<>();
        context.put("tenantId", event.tenantId().toString());
        context.put("seq", event.seq());
        context.put("hash", event.hash());
        event.actorId().ifPresent(actor -> context.put("actorId", actor.toString()));
        LOG.audit("audit event recorded", event.action(), event.resource(), context);
    }

    @Override
    public AuditPage page(TenantId tenant, AuditQuery query) {
        Optional<Long> before = query.cursor().map(AuditCursor::decode);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_events where true");
        // Only fixed clauses are added, each for a filter that is present; every value is bound.
        before.ifPresent(seq -> sql.append(" and seq < :before"));
        query.action().ifPresent(action -> sql.append(" and action = :action"));
        query.actorId().ifPresent(actor -> sql.append(" and actor_id = :actor"));
        query.from().ifPresent(from -> sql.append(" and at >= :from"));
        query.until().ifPresent(until -> sql.append(" and at < :until"));
        sql.append(" order by seq desc limit :rows");
        List<AuditRecord> rows = rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle -> {
            Query select = handle.createQuery(sql.toString()).bind("rows", query.limit() + 1);
            before.ifPresent(seq -> select.bind("before", seq));
            query.action().ifPresent(action -> select.bind("action", action.name()));
            query.actorId().ifPresent(actor -> select.bind("actor", actor));
            query.from().ifPresent(from -> select.bind("from", Columns.timestamp(from)));
            query.until().ifPresent(until -> select.bind("until", Columns.timestamp(until)));
            return select.map(JdbiAuditTrail::row).list();
        });
        if (rows.size() <= query.limit()) {
            return new AuditPage(rows, Optional.empty());
        }
        List<AuditRecord> page = rows.subList(0, query.limit());
        return new AuditPage(page, Optional.of(AuditCursor.encode(page.get(page.size() - 1).seq())));
    }

    @Override
    public AuditHead head(TenantId tenant) {
        return rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                handle.createQuery("select seq, hash from audit_events order by seq desc limit 1")
                        .map((row, context) -> new AuditHead(row.getLong("seq"), row.getString("hash"))).findOne())
                .orElse(AuditHead.GENESIS);
    }

    /**
     * Recomputes the chain in batches of {@value #VERIFY_BATCH}, each its own statement, and checks
     * it against {@code published} and against the newest head this process committed. Events
     * appended while it runs are checked too.
     */
    @Override
    public AuditVerification verify(TenantId tenant, Optional<AuditHead> published) {
        List<AuditHead> against = new ArrayList<>(2);
        published.ifPresent(against::add);
        // Taken before reading: a head known now is committed, so the chain must reach it.
        heads.known(tenant).ifPresent(against::add);
        AuditChainCheck check = AuditChainCheck.of(hasher, against);
        long after = 0;
        List<AuditRecord> batch;
        do {
            long from = after;
            batch = rls.inTenant(tenant, Execution.singleStatement().idempotent(), handle ->
                    handle.createQuery(IN_ORDER).bind("after", from).bind("limit", VERIFY_BATCH)
                            .map(JdbiAuditTrail::row).list());
            batch.forEach(check::accept);
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).seq();
            }
        } while (batch.size() == VERIFY_BATCH);
        return check.result();
    }

    private static void insert(Handle handle, AuditRecord event) {
        handle.createUpdate(INSERT).bind("tenant", event.tenantId().value()).bind("seq", event.seq())
                .bind("id", event.id()).bind("action", event.action())
                .bindByType("actor", event.actorId().orElse(null), UUID.class)
                .bind("resource", event.resource()).bind("correlation", event.correlationId().orElse(null))
                .bind("before", event.before().orElse(null)).bind("after", event.after().orElse(null))
                .bind("at", Columns.timestamp(event.at())).bind("prevHash", event.prevHash())
                .bind("hash", event.hash()).execute();
    }

    private static String json(AuditSnapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit snapshot holds only text, numbers, booleans and lists", e);
        }
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

    private static AuditRecord row(ResultSet row, StatementContext context) throws SQLException {
        return new AuditRecord(TenantId.of(Columns.uuid(row, "tenant_id")), row.getLong("seq"),
                Columns.uuid(row, "id"), Columns.instant(row, "at"), row.getString("action"),
                Columns.optionalUuid(row, "actor_id"), row.getString("resource"),
                Columns.optionalText(row, "correlation_id"), Columns.optionalText(row, "before"),
                Columns.optionalText(row, "after"), row.getString("prev_hash"), row.getString("hash"));
    }
}
