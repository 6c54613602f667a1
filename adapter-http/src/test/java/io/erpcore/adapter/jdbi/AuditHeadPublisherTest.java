package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Chain heads leave the database through the log: each head that moved, once. */
class AuditHeadPublisherTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("erp.audit");
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = auditLogger.getLevel();
        auditLogger.setLevel(Level.INFO);
        lines.start();
        auditLogger.addAppender(lines);
    }

    @AfterEach
    void release() {
        auditLogger.detachAppender(lines);
        auditLogger.setLevel(previousLevel);
    }

    @Test
    void publishes_the_newest_head_of_each_tenant_that_moved_in_one_line_each() {
        AuditHeads heads = AuditHeads.create();
        TenantId one = TenantId.random();
        TenantId other = TenantId.random();
        heads.advance(one, head(1));
        heads.advance(one, head(2));
        heads.advance(other, head(7));

        assertThat(AuditHeadPublisher.publish(heads)).isEqualTo(2);

        assertThat(published()).containsExactlyInAnyOrder(one + " 2:" + hash(2), other + " 7:" + hash(7));
    }

    @Test
    void a_head_that_did_not_move_is_not_published_again() {
        AuditHeads heads = AuditHeads.create();
        heads.advance(TenantId.random(), head(3));
        AuditHeadPublisher.publish(heads);

        assertThat(AuditHeadPublisher.publish(heads)).isZero();
        assertThat(published()).hasSize(1);
    }

    @Test
    void a_head_never_moves_back() {
        AuditHeads heads = AuditHeads.create();
        TenantId tenant = TenantId.random();
        heads.advance(tenant, head(5));
        heads.advance(tenant, head(4));

        assertThat(heads.known(tenant)).contains(head(5));
    }

    @Test
    void publishes_on_its_schedule_and_what_is_left_when_closed() throws Exception {
        AuditHeads heads = AuditHeads.create();
        TenantId tenant = TenantId.random();
        try (AuditHeadPublisher publisher = AuditHeadPublisher.start(heads, Duration.ofMillis(50))) {
            heads.advance(tenant, head(1));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (published().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(published()).containsExactly(tenant + " 1:" + hash(1));
            heads.advance(tenant, head(2));
        }

        assertThat(published()).endsWith(tenant + " 2:" + hash(2));
    }

    private List<String> published() {
        return lines.list.stream().filter(line -> line.getMessage().equals("audit chain head"))
                .map(line -> argument(line, "tenantId") + " "
                        + argument(line, "seq") + ":" + argument(line, "hash"))
                .toList();
    }

    private static String argument(ILoggingEvent line, String key) {
        return line.getKeyValuePairs() == null ? null : line.getKeyValuePairs().stream()
                .filter(pair -> pair.key.equals(key)).map(pair -> String.valueOf(pair.value)).findFirst().orElse(null);
    }

    private static AuditHead head(long seq) {
        return new AuditHead(seq, hash(seq));
    }

    private static String hash(long seq) {
        return String.format("%064x", seq);
    }
}
