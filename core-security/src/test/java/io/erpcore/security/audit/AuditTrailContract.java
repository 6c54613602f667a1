package io.erpcore.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuditTrail} promises. An implementation's test extends this class and
 * says how to make a trail and a tenant it can hold events for; every test uses tenants of its
 * own, so trails over a shared store need no cleaning between tests.
 */
public abstract class AuditTrailContract {

    protected static final UUID ACTOR = UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");

    private AuditTrail trail;

    /** The trail under test; called once per test. */
    protected abstract AuditTrail newTrail();

    /** A tenant without events that the trail can hold events for. */
    protected abstract TenantId newTenant();

    @BeforeEach
    final void createTrail() {
        trail = newTrail();
    }

    @Test
    void the_first_event_of_a_tenant_has_seq_1_and_follows_the_genesis_hash() {
        TenantId tenant = newTenant();

        trail.record(event(tenant, AuditAction.USER_CREATED));

        AuditRecord first = only(tenant);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(first.tenantId()).isEqualTo(tenant);
        assertThat(first.action()).isEqualTo("user.created");
        assertThat(first.actorId()).contains(ACTOR);
        assertThat(first.resource()).isEqualTo("users/42");
        assertThat(first.correlationId()).contains("req-1");
    }

    @Test
    void each_event_follows_the_one_before_and_its_hash_can_be_recomputed() {
        TenantId tenant = newTenant();
        trail.record(event(tenant, AuditAction.USER_CREATED));
        trail.record(event(tenant, AuditAction.USER_UPDATED)
                .withAfter(AuditSnapshot.builder().put("displayName", "Zoë \"Z\"").put("n", 15L).build()));

        List<AuditRecord> events = trail.page(tenant, AuditQuery.all()).events();

        assertThat(events.get(0).prevHash()).isEqualTo(events.get(1).hash());
        assertThat(events).allSatisfy(event ->
                assertThat(AuditHashes.sha256().hash(event.draft())).isEqualTo(event.hash()));
    }

    @Test
    void snapshots_are_stored_as_json_objects_and_absent_ones_as_none() {
        TenantId tenant = newTenant();

        trail.record(event(tenant, AuditAction.USER_UPDATED)
                .withAfter(AuditSnapshot.builder().put("status", "disabled").encrypted("phone", true).build()));

        AuditRecord stored = only(tenant);
        assertThat(stored.before()).isEmpty();
        assertThat(stored.after()).hasValueSatisfying(after -> assertThat(after)
                .startsWith("{").endsWith("}").contains("\"status\": \"disabled\"", "\"phone\": \"[encrypted]\""));
    }

    @Test
    void the_head_is_genesis_then_the_newest_event() {
        TenantId tenant = newTenant();
        assertThat(trail.head(tenant)).isEqualTo(AuditHead.GENESIS);

        trail.record(event(tenant, AuditAction.USER_CREATED));
        trail.record(event(tenant, AuditAction.USER_UPDATED));

        assertThat(trail.head(tenant)).isEqualTo(trail.page(tenant, AuditQuery.all()).events().get(0).asHead());
        assertThat(trail.head(tenant).seq()).isEqualTo(2);
    }

    @Test
    void pages_run_newest_first_and_the_cursor_continues_where_the_page_ended() {
        TenantId tenant = newTenant();
        for (int i = 0; i < 5; i++) {
            trail.record(event(tenant, AuditAction.USER_UPDATED));
        }

        AuditPage first = trail.page(tenant, query(Optional.empty(), Optional.empty(), Optional.empty(), 2));
        AuditPage second = trail.page(tenant, query(Optional.empty(), Optional.empty(), first.nextCursor(), 2));
        AuditPage last = trail.page(tenant, query(Optional.empty(), Optional.empty(), second.nextCursor(), 2));

        assertThat(first.events()).extracting(AuditRecord::seq).containsExactly(5L, 4L);
        assertThat(second.events()).extracting(AuditRecord::seq).containsExactly(3L, 2L);
        assertThat(last.events()).extracting(AuditRecord::seq).containsExactly(1L);
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void filters_by_action_and_by_actor() {
        TenantId tenant = newTenant();
        UUID other = UUID.randomUUID();
        trail.record(event(tenant, AuditAction.USER_CREATED));
        trail.record(AuditEvent.of(tenant, AuditAction.USER_DELETED, Optional.of(other), "users/9", Optional.empty()));
        trail.record(event(tenant, AuditAction.USER_DELETED));

        assertThat(trail.page(tenant, query(Optional.of(AuditAction.USER_DELETED), Optional.empty(), Optional.empty(), 10))
                .events()).extracting(AuditRecord::seq).containsExactly(3L, 2L);
        assertThat(trail.page(tenant, query(Optional.of(AuditAction.USER_DELETED), Optional.of(other), Optional.empty(), 10))
                .events()).extracting(AuditRecord::seq).containsExactly(2L);
    }

    @Test
    void filters_by_time_from_inclusive_until_exclusive() {
        TenantId tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            trail.record(event(tenant, AuditAction.USER_UPDATED));
        }
        List<AuditRecord> events = trail.page(tenant, AuditQuery.all()).events();
        AuditRecord second = events.get(1);
        AuditRecord third = events.get(0);

        AuditQuery between = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(second.at()),
                Optional.of(third.at()), Optional.empty(), 10);

        List<AuditRecord> selected = trail.page(tenant, between).events();
        assertThat(selected).contains(second).doesNotContain(third);
    }

    @Test
    void a_cursor_the_trail_did_not_hand_out_is_refused() {
        TenantId tenant = newTenant();
        for (String cursor : List.of("", "abc", "not a cursor at all", "%%%%")) {
            assertThatThrownBy(() -> trail.page(tenant, query(Optional.empty(), Optional.empty(), Optional.of(cursor), 5)))
                    .as(cursor).isInstanceOf(InvalidAuditCursorException.class);
        }
    }

    @Test
    void another_tenant_sees_none_of_a_chain_and_starts_its_own() {
        TenantId owner = newTenant();
        TenantId other = newTenant();
        trail.record(event(owner, AuditAction.USER_CREATED));
        trail.record(event(owner, AuditAction.USER_UPDATED));

        trail.record(event(other, AuditAction.USER_CREATED));

        AuditRecord othersFirst = only(other);
        assertThat(othersFirst.seq()).isEqualTo(1);
        assertThat(othersFirst.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(trail.head(owner).seq()).isEqualTo(2);
    }

    @Test
    void an_untouched_chain_verifies() {
        TenantId tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            trail.record(event(tenant, AuditAction.USER_UPDATED));
        }

        AuditVerification result = trail.verify(tenant, Optional.empty());

        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.head()).isEqualTo(trail.head(tenant));
    }

    @Test
    void a_published_head_the_chain_does_not_reach_fails_verification() {
        TenantId tenant = newTenant();
        trail.record(event(tenant, AuditAction.USER_UPDATED));

        AuditVerification result = trail.verify(tenant, Optional.of(new AuditHead(3, "ab".repeat(32))));

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(2L);
    }

    @Test
    void concurrent_records_of_one_tenant_form_one_unbroken_chain() throws Exception {
        TenantId tenant = newTenant();
        int writers = 8;
        int eventsEach = 25;
        recordConcurrently(trail, tenant, writers, eventsEach);

        assertThat(trail.verify(tenant, Optional.empty()).valid()).isTrue();
        List<Long> seqs = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            AuditPage page = trail.page(tenant, query(Optional.empty(), Optional.empty(), cursor, 100));
            page.events().forEach(event -> seqs.add(event.seq()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(seqs).containsExactlyElementsOf(
                LongStream.rangeClosed(1, writers * eventsEach).map(seq -> writers * eventsEach + 1 - seq).boxed().toList());
    }

    /** Has {@code writers} threads, released together, record {@code eventsEach} events each in {@code tenant}'s trail. */
    public static void recordConcurrently(AuditSink sink, TenantId tenant, int writers, int eventsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(() -> {
                    start.await();
                    for (int i = 0; i < eventsEach; i++) {
                        sink.record(event(tenant, AuditAction.USER_UPDATED));
                    }
                    return null;
                });
            }
            List<Future<Void>> running = work.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An event of {@link #ACTOR} on {@code users/42} in request {@code req-1}. */
    public static AuditEvent event(TenantId tenant, AuditAction action) {
        return AuditEvent.of(tenant, action, Optional.of(ACTOR), "users/42", Optional.of("req-1"));
    }

    private static AuditQuery query(Optional<AuditAction> action, Optional<UUID> actor, Optional<String> cursor, int limit) {
        return new AuditQuery(action, actor, Optional.empty(), Optional.empty(), cursor, limit);
    }

    private AuditRecord only(TenantId tenant) {
        List<AuditRecord> events = trail.page(tenant, AuditQuery.all()).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
