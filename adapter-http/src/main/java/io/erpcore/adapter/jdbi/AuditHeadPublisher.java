package io.erpcore.adapter.jdbi;

import io.erpcore.logging.StructuredLogger;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the audit chain heads that moved to the log at a fixed interval, one audit line per
 * tenant ({@code audit chain head}, with {@code tenantId}, {@code seq} and {@code hash}). The log
 * is kept apart from the database, so a head written there is what deleted newest events or a
 * recomputed chain are caught against: give it to {@code GET /api/v1/audit-events/verify?head=}.
 * Whoever starts it closes it; closing publishes what is left.
 */
public final class AuditHeadPublisher implements AutoCloseable {

    /** The action of the published line. */
    public static final String ACTION = "audit.head_published";

    private static final StructuredLogger LOG = StructuredLogger.forModule("audit");

    private final AuditHeads heads;
    private final ScheduledExecutorService schedule;

    private AuditHeadPublisher(AuditHeads heads, ScheduledExecutorService schedule) {
        this.heads = heads;
        this.schedule = schedule;
    }

    /** Publishes the heads that moved every {@code interval}, on a daemon thread of its own. */
    public static AuditHeadPublisher start(AuditHeads heads, Duration interval) {
        Objects.requireNonNull(heads, "heads");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the audit head interval must be positive but was " + interval);
        }
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-head-publisher");
            thread.setDaemon(true);
            return thread;
        });
        AuditHeadPublisher publisher = new AuditHeadPublisher(heads, schedule);
        schedule.scheduleWithFixedDelay(publisher::publishQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return publisher;
    }

    /** Writes one line per head that moved since the last publication; how many it wrote. */
    public static int publish(AuditHeads heads) {
        Map<TenantId, AuditHead> moved = heads.takeUnpublished();
        moved.forEach((tenant, head) -> LOG.audit("audit chain head", ACTION, "audit_events",
                Map.of("tenantId", tenant.toString(), "seq", head.seq(), "hash", head.hash())));
        return moved.size();
    }

    /** Stops the schedule and publishes what moved since the last run. */
    @Override
    public void close() {
        schedule.shutdownNow();
        publish(heads);
    }

    // A failure must not end the schedule: ScheduledExecutorService stops a task that throws.
    private void publishQuietly() {
        try {
            publish(heads);
        } catch (RuntimeException e) {
            LOG.error("publishing audit chain heads failed", e);
        }
    }
}
