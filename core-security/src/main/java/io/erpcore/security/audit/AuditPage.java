package io.erpcore.security.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of audit events, newest first, and the cursor of the next page when there is one. */
public record AuditPage(List<AuditRecord> events, Optional<String> nextCursor) {

    /** Copies {@code events}. */
    public AuditPage {
        events = List.copyOf(events);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
