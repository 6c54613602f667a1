package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.tenancy.TenantId;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail against real PostgreSQL, as the runtime role. */
class JdbiAuditEventRepositoryTest {

    private static final UUID ACTOR = UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");

    private static JdbiDatabase runtime;
    private static JdbiAuditEventRepository audit;

    @BeforeAll
    static void database() {
        runtime = Databases.open(PostgresFixture.migratedDatabase(), InMemoryMetricsSink.create());
        audit = JdbiAuditEventRepository.create(runtime.rls());
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void the_first_event_of_a_tenant_has_seq_1_and_follows_the_genesis_hash() {
        TenantId tenant = tenant();

        AuditEventRow first = audit.append(tenant, event("user.created"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHead.GENESIS.hash()).isEqualTo("0".repeat(64));
        assertThat(first.hash()).matches("[0-9a-f]{64}");
        assertThat(first.tenantId()).isEqualTo(tenant);
        assertThat(first.actorId()).contains(ACTOR);
        assertThat(first.at()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void each_event_carries_the_hash_of_the_one_before() {
        TenantId tenant = tenant();

        AuditEventRow first = audit.append(tenant, event("user.created"));
        AuditEventRow second = audit.append(tenant, event("user.updated"));

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash());
    }

    @Test
    void stores_the_event_as_appended() {
        TenantId tenant = tenant();

        AuditEventRow appended = audit.append(tenant, new AuditAppend("user.updated", Optional.empty(), "users/42",
                Optional.of("{\"status\": \"active\"}"), Optional.of("{\"status\": \"disabled\"}")));

        assertThat(audit.list(tenant, 0, 10)).containsExactly(appended);
    }

    @Test
    void before_and_after_come_back_in_the_jsonb_form_the_hash_covers() {
        TenantId tenant = tenant();

        AuditEventRow appended = audit.append(tenant, new AuditAppend("user.updated", Optional.of(ACTOR), "users/42",
                Optional.of("{ \"roles\":[\"admin\"],   \"a\" : 1 }"), Optional.empty()));

        assertThat(appended.before()).contains("{\"a\": 1, \"roles\": [\"admin\"]}");
        assertThat(appended.after()).isEmpty();
    }

    @Test
    void the_stored_hash_can_be_recomputed_from_the_stored_row() {
        TenantId tenant = tenant();
        audit.append(tenant, new AuditAppend("user.updated", Optional.of(ACTOR), "users/42",
                Optional.of("{\"name\": \"Zoë\", \"n\": 1.50}"), Optional.of("{}")));
        audit.append(tenant, event("user.deleted"));

        List<AuditEventRow> stored = audit.list(tenant, 0, 10);

        assertThat(stored).allSatisfy(row ->
                assertThat(AuditHashes.sha256().hash(null, row.draft())).isEqualTo(row.hash()));
    }

    @Test
    void the_default_hash_is_sha256_over_the_documented_canonical_form() {
        AuditDraft draft = new AuditDraft(TenantId.of(UUID.fromString("00000000-0000-4000-8000-000000000001")), 1,
                UUID.fromString("00000000-0000-4000-8000-000000000002"), Instant.parse("2025-03-01T09:30:00.1Z"),
                "user.created", Optional.empty(), "users/1", Optional.empty(), Optional.of("{\"a\": 1}"),
                AuditHead.GENESIS.hash());

        assertThat(AuditHashes.canonical(draft)).isEqualTo("12:erp-audit-v1,64:" + "0".repeat(64) + ","
                + "36:00000000-0000-4000-8000-000000000001,1:1,36:00000000-0000-4000-8000-000000000002,"
                + "27:2025-03-01T09:30:00.100000Z,12:user.created,0:,7:users/1,0:,8:{\"a\": 1},");
    }

    @Test
    void uses_the_hasher_it_was_given() {
        TenantId tenant = tenant();
        JdbiAuditEventRepository numbered = JdbiAuditEventRepository.create(runtime.rls(),
                (previous, draft) -> previous.seq() + "->" + draft.seq() + ":" + draft.action());

        numbered.append(tenant, event("a"));
        AuditEventRow second = numbered.append(tenant, event("b"));

        assertThat(second.prevHash()).isEqualTo("0->1:a");
        assertThat(second.hash()).isEqualTo("1->2:b");
    }

    @Test
    void refuses_before_or_after_that_is_not_json_and_appends_nothing() {
        TenantId tenant = tenant();

        assertThatThrownBy(() -> audit.append(tenant, new AuditAppend("x", Optional.empty(), "r",
                Optional.of("{not json"), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'before' or 'after' of audit event 'x' is not valid JSON");
        assertThat(audit.head(tenant)).isEqualTo(AuditHead.GENESIS);
    }

    @Test
    void the_head_of_an_empty_chain_is_genesis() {
        assertThat(audit.head(tenant())).isEqualTo(AuditHead.GENESIS);
    }

    @Test
    void the_head_is_the_newest_event() {
        TenantId tenant = tenant();
        audit.append(tenant, event("a"));
        AuditEventRow newest = audit.append(tenant, event("b"));

        assertThat(audit.head(tenant)).isEqualTo(newest.asHead());
    }

    @Test
    void lists_events_after_a_sequence_number_in_chain_order_up_to_the_limit() {
        TenantId tenant = tenant();
        for (int i = 0; i < 5; i++) {
            audit.append(tenant, event("e" + i));
        }

        assertThat(audit.list(tenant, 1, 3)).extracting(AuditEventRow::seq).containsExactly(2L, 3L, 4L);
        assertThat(audit.list(tenant, 4, 3)).extracting(AuditEventRow::seq).containsExactly(5L);
        assertThat(audit.list(tenant, 5, 3)).isEmpty();
    }

    @Test
    void refuses_a_list_limit_outside_1_to_1000() {
        TenantId tenant = tenant();

        assertThatThrownBy(() -> audit.list(tenant, 0, 0)).isInstanceOf(InvalidPageRequestException.class)
                .hasMessage("'limit' must be between 1 and 1000 but was 0");
        assertThatThrownBy(() -> audit.list(tenant, 0, 1001)).isInstanceOf(InvalidPageRequestException.class);
    }

    @Test
    void the_runtime_role_may_not_update_an_audit_event() {
        TenantId tenant = tenant();
        audit.append(tenant, event("user.created"));

        assertThatThrownBy(() -> runtime.rls().inTenant(tenant, handle ->
                handle.createUpdate("update audit_events set action = 'forged'").execute()))
                .satisfies(failure -> assertThat(sqlState(failure)).isEqualTo("42501"));
        assertThat(audit.list(tenant, 0, 10)).extracting(AuditEventRow::action).containsExactly("user.created");
    }

    @Test
    void the_runtime_role_may_not_delete_an_audit_event() {
        TenantId tenant = tenant();
        audit.append(tenant, event("user.created"));

        assertThatThrownBy(() -> runtime.rls().inTenant(tenant, handle ->
                handle.createUpdate("delete from audit_events").execute()))
                .satisfies(failure -> assertThat(sqlState(failure)).isEqualTo("42501"));
        assertThat(audit.list(tenant, 0, 10)).hasSize(1);
    }

    @Test
    void concurrent_appends_of_one_tenant_form_one_unbroken_chain() throws Exception {
        TenantId tenant = tenant();
        int threads = 8;
        int appendsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "writer-" + t;
                writers.add(() -> {
                    start.await();
                    for (int i = 0; i < appendsEach; i++) {
                        audit.append(tenant, event(writer + "." + i));
                    }
                    return null;
                });
            }
            List<Future<Void>> running = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<AuditEventRow> chain = audit.list(tenant, 0, 1000);

        assertThat(chain).extracting(AuditEventRow::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * appendsEach).boxed().toList());
        String previous = AuditHead.GENESIS.hash();
        for (AuditEventRow row : chain) {
            assertThat(row.prevHash()).as("prev_hash of seq %d", row.seq()).isEqualTo(previous);
            assertThat(AuditHashes.sha256().hash(null, row.draft())).as("hash of seq %d", row.seq())
                    .isEqualTo(row.hash());
            previous = row.hash();
        }
        assertThat(chain).extracting(AuditEventRow::at).isSorted();
    }

    @Test
    void another_tenant_sees_none_of_a_chain_and_starts_its_own() {
        TenantId owner = tenant();
        TenantId other = tenant();
        audit.append(owner, event("a"));
        AuditEventRow ownersNewest = audit.append(owner, event("b"));

        AuditEventRow othersFirst = audit.append(other, event("c"));

        assertThat(audit.list(other, 0, 10)).containsExactly(othersFirst);
        assertThat(othersFirst.seq()).isEqualTo(1);
        assertThat(othersFirst.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(audit.head(owner)).isEqualTo(ownersNewest.asHead());
    }

    private static AuditAppend event(String action) {
        return AuditAppend.of(action, Optional.of(ACTOR), "users/" + action);
    }

    private static String sqlState(Throwable failure) {
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
