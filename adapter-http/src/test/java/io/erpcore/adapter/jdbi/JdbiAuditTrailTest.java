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
import io.erpcore.security.audit.AuditTrail;
import io.erpcore.security.audit.AuditTrailContract;
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

/** The audit trail against real PostgreSQL, as the runtime role: the contract, and what PostgreSQL adds. */
class JdbiAuditTrailTest extends AuditTrailContract {

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



    @Override
    protected AuditTrail newTrail() {
        return JdbiAuditTrail.create(runtime.rls(), AuditHeads.create());
    }

    @Override
    protected TenantId newTenant() {
        return tenant();
    }

    @Test
    void stores_snapshots_in_the_jsonb_text_form_the_hash_covers() {
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
    void a_cursor_of_another_version_or_below_seq_1_is_refused() {
        TenantId tenant = tenant();
        for (String cursor : List.of("AQAAAAAAAAAA", "AgAAAAAAAAAB")) {
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
