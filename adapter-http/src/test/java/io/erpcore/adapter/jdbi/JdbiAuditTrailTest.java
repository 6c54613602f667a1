package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditHashes;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.security.audit.AuditPage;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.security.audit.InvalidAuditCursorException;
import io.erpcore.tenancy.TenantId;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail against real PostgreSQL, as the runtime role. */
class JdbiAuditTrailTest {

    private static final UUID ACTOR = UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");

    private static JdbiDatabase runtime;
    private static JdbiAuditTrail audit;

    @BeforeAll
    static void database() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        audit = JdbiAuditTrail.create(runtime.rls(), AuditHeads.create());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void the_first_event_of_a_tenant_has_seq_1_and_follows_the_genesis_hash() {
        TenantId tenant = tenant();

        AuditRecord first = audit.append(event(tenant, AuditAction.USER_CREATED));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHead.GENESIS.hash()).isEqualTo("0".repeat(64));
        assertThat(first.hash()).matches("[0-9a-f]{64}");
        assertThat(first.tenantId()).isEqualTo(tenant);
        assertThat(first.actorId()).contains(ACTOR);
        assertThat(first.correlationId()).contains("req-1");
        assertThat(first.at()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void each_event_carries_the_hash_of_the_one_before() {
        TenantId tenant = tenant();

        AuditRecord first = audit.append(event(tenant, AuditAction.USER_CREATED));
        AuditRecord second = audit.append(event(tenant, AuditAction.USER_UPDATED));

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
    }

    @Test
    void stores_the_event_as_appended_with_its_snapshots_as_json() {
        TenantId tenant = tenant();
        AuditEvent event = event(tenant, AuditAction.USER_UPDATED)
                .withBefore(AuditSnapshot.builder().put("status", "active").put("roles", List.of("admin")).build())
                .withAfter(AuditSnapshot.builder().put("status", "disabled").encrypted("phone", true).build());

        AuditRecord appended = audit.append(event);

        assertThat(appended.before()).contains("{\"roles\": [\"admin\"], \"status\": \"active\"}");
        assertThat(appended.after()).contains("{\"phone\": \"[encrypted]\", \"status\": \"disabled\"}");
        assertThat(audit.page(tenant, AuditQuery.all()).events()).containsExactly(appended);
    }

    @Test
    void the_stored_hash_can_be_recomputed_from_the_stored_row() {
        TenantId tenant = tenant();
        audit.append(event(tenant, AuditAction.USER_UPDATED)
                .withAfter(AuditSnapshot.builder().put("displayName", "Zoë \"Z\" Ünal").put("n", 15L).build()));
        audit.append(event(tenant, AuditAction.USER_DELETED));

        assertThat(audit.page(tenant, AuditQuery.all()).events())
                .allSatisfy(row -> assertThat(AuditHashes.sha256().hash(row.draft())).isEqualTo(row.hash()));
    }

    @Test
    void uses_the_hasher_it_was_given() {
        TenantId tenant = tenant();
        JdbiAuditTrail numbered = JdbiAuditTrail.create(runtime.rls(),
                draft -> draft.seq() + ":" + draft.action(), AuditHeads.create());

        numbered.append(event(tenant, AuditAction.USER_CREATED));
        AuditRecord second = numbered.append(event(tenant, AuditAction.USER_DELETED));

        assertThat(second.prevHash()).isEqualTo("1:user.created");
        assertThat(second.hash()).isEqualTo("2:user.deleted");
    }

    @Test
    void the_head_of_an_empty_chain_is_genesis() {
        assertThat(audit.head(tenant())).isEqualTo(AuditHead.GENESIS);
    }

    @Test
    void the_head_is_the_newest_event_and_is_remembered_outside_the_table() {
        AuditHeads heads = AuditHeads.create();
        JdbiAuditTrail trail = JdbiAuditTrail.create(runtime.rls(), heads);
        TenantId tenant = tenant();
        trail.append(event(tenant, AuditAction.USER_CREATED));
        AuditRecord newest = trail.append(event(tenant, AuditAction.USER_UPDATED));

        assertThat(trail.head(tenant)).isEqualTo(newest.asHead());
        assertThat(heads.known(tenant)).contains(newest.asHead());
    }

    @Test
    void pages_run_newest_first_and_the_cursor_continues_where_the_page_ended() {
        TenantId tenant = tenant();
        for (int i = 0; i < 5; i++) {
            audit.append(event(tenant, AuditAction.USER_UPDATED));
        }

        AuditPage first = audit.page(tenant, query(Optional.empty(), Optional.empty(), Optional.empty(), 2));
        AuditPage second = audit.page(tenant, query(Optional.empty(), Optional.empty(), first.nextCursor(), 2));
        AuditPage last = audit.page(tenant, query(Optional.empty(), Optional.empty(), second.nextCursor(), 2));

        assertThat(first.events()).extracting(AuditRecord::seq).containsExactly(5L, 4L);
        assertThat(second.events()).extracting(AuditRecord::seq).containsExactly(3L, 2L);
        assertThat(last.events()).extracting(AuditRecord::seq).containsExactly(1L);
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void filters_by_action_and_by_actor() {
        TenantId tenant = tenant();
        UUID other = UUID.randomUUID();
        audit.append(event(tenant, AuditAction.USER_CREATED));
        audit.append(AuditEvent.of(tenant, AuditAction.USER_DELETED, Optional.of(other), "users/9", Optional.empty()));
        audit.append(event(tenant, AuditAction.USER_DELETED));

        assertThat(audit.page(tenant, query(Optional.of(AuditAction.USER_DELETED), Optional.empty(), Optional.empty(), 10))
                .events()).extracting(AuditRecord::seq).containsExactly(3L, 2L);
        assertThat(audit.page(tenant, query(Optional.of(AuditAction.USER_DELETED), Optional.of(other), Optional.empty(), 10))
                .events()).extracting(AuditRecord::seq).containsExactly(2L);
    }

    @Test
    void filters_by_time_from_inclusive_until_exclusive() {
        TenantId tenant = tenant();
        AuditRecord first = audit.append(event(tenant, AuditAction.USER_CREATED));
        AuditRecord second = audit.append(event(tenant, AuditAction.USER_UPDATED));
        audit.append(event(tenant, AuditAction.USER_DELETED));
        AuditRecord third = audit.page(tenant, AuditQuery.all()).events().get(0);

        AuditQuery between = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(second.at()),
                Optional.of(third.at()), Optional.empty(), 10);

        assertThat(audit.page(tenant, between).events()).extracting(AuditRecord::seq).containsExactly(2L);
        assertThat(first.at()).isBefore(second.at());
    }

    @Test
    void a_cursor_this_trail_did_not_hand_out_is_refused() {
        TenantId tenant = tenant();
        for (String cursor : List.of("", "abc", "AQAAAAAAAAAA", "AgAAAAAAAAAB", "not a cursor at all")) {
            assertThatThrownBy(() -> audit.page(tenant, query(Optional.empty(), Optional.empty(), Optional.of(cursor), 5)))
                    .as(cursor).isInstanceOf(InvalidAuditCursorException.class);
        }
    }

    @Test
    void the_runtime_role_may_not_update_an_audit_event() {
        TenantId tenant = tenant();
        audit.append(event(tenant, AuditAction.USER_CREATED));

        assertThatThrownBy(() -> runtime.rls().inTenant(tenant, handle ->
                handle.createUpdate("update audit_events set resource = 'forged'").execute()))
                .satisfies(failure -> assertThat(sqlState(failure)).isEqualTo("42501"));
        assertThat(audit.verify(tenant, Optional.empty()).valid()).isTrue();
    }

    @Test
    void the_runtime_role_may_not_delete_an_audit_event() {
        TenantId tenant = tenant();
        audit.append(event(tenant, AuditAction.USER_CREATED));

        assertThatThrownBy(() -> runtime.rls().inTenant(tenant, handle ->
                handle.createUpdate("delete from audit_events").execute()))
                .satisfies(failure -> assertThat(sqlState(failure)).isEqualTo("42501"));
        assertThat(audit.head(tenant).seq()).isEqualTo(1);
    }

    @Test
    void another_tenant_sees_none_of_a_chain_and_starts_its_own() {
        TenantId owner = tenant();
        TenantId other = tenant();
        audit.append(event(owner, AuditAction.USER_CREATED));
        AuditRecord ownersNewest = audit.append(event(owner, AuditAction.USER_UPDATED));

        AuditRecord othersFirst = audit.append(event(other, AuditAction.USER_CREATED));

        assertThat(audit.page(other, AuditQuery.all()).events()).containsExactly(othersFirst);
        assertThat(othersFirst.seq()).isEqualTo(1);
        assertThat(othersFirst.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(audit.head(owner)).isEqualTo(ownersNewest.asHead());
    }

    @Test
    void verify_reads_a_chain_longer_than_one_batch() {
        TenantId tenant = tenant();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < JdbiAuditTrail.VERIFY_BATCH + 5; i++) {
            events.add(event(tenant, AuditAction.USER_UPDATED));
        }
        events.forEach(audit::append);

        var result = audit.verify(tenant, Optional.empty());

        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(JdbiAuditTrail.VERIFY_BATCH + 5);
        assertThat(result.head()).isEqualTo(audit.head(tenant));
    }

    static AuditEvent event(TenantId tenant, AuditAction action) {
        return AuditEvent.of(tenant, action, Optional.of(ACTOR), "users/42", Optional.of("req-1"));
    }

    private static AuditQuery query(Optional<AuditAction> action, Optional<UUID> actor, Optional<String> cursor, int limit) {
        return new AuditQuery(action, actor, Optional.empty(), Optional.empty(), cursor, limit);
    }

    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static TenantId tenant() {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return Tenants.create(runtime.rls(), slug, 0);
    }
}
