package io.erpcore.adapter.jdbi;

import static io.erpcore.security.audit.AuditTrailContract.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditDraft;
import io.erpcore.security.audit.AuditHashes;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditTrailContract;
import io.erpcore.security.audit.AuditVerification;
import io.erpcore.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the audit chain reveals when someone with the owner role, which may change the table the
 * runtime role may only append to, tampers with it; and what it cannot reveal.
 *
 * <p>Detectable from the table alone: an event edited in place, an event deleted from the
 * middle. Detectable only against a head published outside the table (the log, an auditor's note,
 * or the head this process remembers): deleting the newest events, and editing an event and then
 * recomputing every hash after it. Not detectable: any rewrite of events newer than the last
 * published head, by someone who can also rewrite the table, and a rewrite by someone who also
 * controls where the heads were published.
 */
class AuditTamperingTest {

    private static TestDatabase database;
    private static JdbiDatabase runtime;

    @BeforeAll
    static void open() {
        database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void the_chain_verifies_after_2000_events_from_8_concurrent_writers() throws Exception {
        JdbiAuditTrail trail = trail();
        TenantId tenant = tenant();
        int writers = 8;
        int eventsEach = 250;
        AuditTrailContract.recordConcurrently(trail, tenant, writers, eventsEach);

        AuditVerification result = trail.verify(tenant, Optional.empty());

        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(writers * eventsEach);
        assertThat(result.head().seq()).isEqualTo(writers * eventsEach);
        assertThat(result.firstBrokenSeq()).isEmpty();
    }

    @Test
    void an_event_edited_by_the_owner_role_is_named() throws SQLException {
        JdbiAuditTrail trail = trail();
        TenantId tenant = tenantWithEvents(trail, 6);

        asOwner(tenant, "update audit_events set resource = 'users/someone-else' where seq = 4");

        AuditVerification result = trail.verify(tenant, Optional.empty());
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(4L);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("event 4"));
    }

    @Test
    void an_event_deleted_from_the_middle_by_the_owner_role_is_named() throws SQLException {
        JdbiAuditTrail trail = trail();
        TenantId tenant = tenantWithEvents(trail, 6);

        asOwner(tenant, "delete from audit_events where seq = 2");

        assertThat(trail.verify(tenant, Optional.empty()).firstBrokenSeq()).contains(2L);
    }

    @Test
    void deleting_the_newest_events_is_caught_against_the_published_head() throws SQLException {
        TenantId tenant = tenantWithEvents(trail(), 6);
        AuditHead published = trail().head(tenant);
        JdbiAuditTrail restarted = trail();

        asOwner(tenant, "delete from audit_events where seq > 4");

        assertThat(restarted.verify(tenant, Optional.empty()).valid())
                .as("without a head kept elsewhere, a shortened chain is a valid chain").isTrue();
        AuditVerification result = restarted.verify(tenant, Optional.of(published));
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(5L);
    }

    @Test
    void deleting_the_newest_events_is_caught_against_the_head_this_process_remembers() throws SQLException {
        JdbiAuditTrail trail = trail();
        TenantId tenant = tenantWithEvents(trail, 6);

        asOwner(tenant, "delete from audit_events where seq > 4");

        AuditVerification result = trail.verify(tenant, Optional.empty());
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(5L);
    }

    @Test
    void a_chain_recomputed_after_an_edit_is_caught_only_against_the_published_head() throws SQLException {
        TenantId tenant = tenantWithEvents(trail(), 6);
        AuditHead published = trail().head(tenant);

        rewriteFrom(tenant, 3);

        JdbiAuditTrail restarted = trail();
        assertThat(restarted.verify(tenant, Optional.empty()).valid()).isTrue();
        AuditVerification result = restarted.verify(tenant, Optional.of(published));
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(6L);
    }

    @Test
    void a_rewrite_of_events_newer_than_the_published_head_goes_unnoticed() throws SQLException {
        TenantId tenant = tenantWithEvents(trail(), 6);
        AuditHead publishedEarlier = new AuditHead(4, eventAt(tenant, 4).hash());

        rewriteFrom(tenant, 5);

        assertThat(trail().verify(tenant, Optional.of(publishedEarlier)).valid()).isTrue();
    }

    /** As the owner, edits event {@code from} and recomputes its hash and every hash after it. */
    private static void rewriteFrom(TenantId tenant, long from) throws SQLException {
        asOwner(tenant, "update audit_events set resource = 'users/forged' where seq = " + from);
        String previous = eventAt(tenant, from - 1).hash();
        for (long seq = from; seq <= trail().head(tenant).seq(); seq++) {
            AuditRecord stored = eventAt(tenant, seq);
            AuditDraft draft = new AuditDraft(stored.tenantId(), stored.seq(), stored.id(), stored.at(),
                    stored.action(), stored.actorId(), stored.resource(), stored.correlationId(), stored.before(),
                    stored.after(), previous);
            String hash = AuditHashes.sha256().hash(draft);
            asOwner(tenant, "update audit_events set prev_hash = '" + previous + "', hash = '" + hash
                    + "' where seq = " + seq);
            previous = hash;
        }
    }

    private static AuditRecord eventAt(TenantId tenant, long seq) {
        return trail().page(tenant, new io.erpcore.security.audit.AuditQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 100)).events().stream()
                .filter(event -> event.seq() == seq).findFirst().orElseThrow();
    }

    /** Runs {@code sql} as the owner role, which row-level security still scopes to {@code tenant}. */
    private static void asOwner(TenantId tenant, String sql) throws SQLException {
        try (Connection owner = database.ownerConnection()) {
            try (PreparedStatement scope = owner.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                scope.setString(1, tenant.toString());
                try (ResultSet ignored = scope.executeQuery()) {
                    // the setting holds for this session
                }
            }
            int changed = owner.createStatement().executeUpdate(sql);
            assertThat(changed).as("rows changed by: %s", sql).isPositive();
        }
    }

    private static TenantId tenantWithEvents(JdbiAuditTrail trail, int events) {
        TenantId tenant = tenant();
        for (int i = 0; i < events; i++) {
            trail.record(event(tenant, AuditAction.USER_UPDATED));
        }
        return tenant;
    }

    /** A trail with heads of its own, as a freshly started process has. */
    private static JdbiAuditTrail trail() {
        return JdbiAuditTrail.create(runtime.rls(), AuditHeads.create());
    }

    private static TenantId tenant() {
        return Tenants.create(runtime.rls(), "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()), 0);
    }
}
