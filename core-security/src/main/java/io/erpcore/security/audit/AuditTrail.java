package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.util.Optional;

/**
 * A tenant's audit trail: append-only and hash-chained, written through {@link AuditSink} and read
 * here. Every method works inside one tenant; another tenant's events are never seen.
 *
 * <p>Contract: methods block on the store and are thread-safe; events are numbered from 1 without
 * gaps per tenant, in the order they were appended, and concurrent appends never fork a chain.
 */
public interface AuditTrail extends AuditSink {

    /**
     * The page of {@code tenant}'s events that {@code query} selects, newest first.
     *
     * @throws InvalidAuditCursorException when the cursor was not handed out by this trail
     */
    AuditPage page(TenantId tenant, AuditQuery query);

    /** The newest event of {@code tenant}'s chain as its head, {@link AuditHead#GENESIS} while it has none. */
    AuditHead head(TenantId tenant);

    /**
     * Recomputes {@code tenant}'s whole chain, and checks it against {@code published}, a head
     * published earlier, when one is given. An implementation may also check heads it published
     * itself.
     */
    AuditVerification verify(TenantId tenant, Optional<AuditHead> published);
}
