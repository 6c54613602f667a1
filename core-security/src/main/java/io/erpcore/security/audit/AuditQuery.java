package io.erpcore.security.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of a tenant's audit events to list, newest first: those of one action and one actor, at
 * or after {@code from} and before {@code until}, each filter optional, a page of {@code limit}
 * after {@code cursor}.
 *
 * @param cursor the {@code nextCursor} of the page before, absent for the first page
 */
public record AuditQuery(Optional<AuditAction> action, Optional<UUID> actorId, Optional<Instant> from,
        Optional<Instant> until, Optional<String> cursor, int limit) {

    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 20;
    /** The largest page served. */
    public static final int MAX_LIMIT = 100;

    /** Refuses missing filters, a limit outside 1..100 and a time range that ends before it starts. */
    public AuditQuery {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            throw new IllegalArgumentException("'until' must be later than 'from'");
        }
    }

    /** The first page of every event, {@value #DEFAULT_LIMIT} at a time. */
    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_LIMIT);
    }
}
