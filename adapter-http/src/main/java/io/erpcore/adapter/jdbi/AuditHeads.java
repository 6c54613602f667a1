package io.erpcore.adapter.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest head of each tenant's audit chain that this process appended, kept outside the
 * table: {@link JdbiAuditTrail#verify} checks the stored chain against it, and
 * {@link AuditHeadPublisher} writes the ones that moved to the log. A head only moves forward.
 * Bounded: the least recently advanced tenants are forgotten past {@link #MAX_TENANTS}.
 * Thread-safe.
 */
public final class AuditHeads {

    /** How many tenants' heads are remembered. */
    public static final int MAX_TENANTS = 100_000;

    private final Cache<TenantId, AuditHead> newest = Caffeine.newBuilder().maximumSize(MAX_TENANTS)
            .executor(Runnable::run).build();
    private final ConcurrentHashMap<TenantId, AuditHead> unpublished = new ConcurrentHashMap<>();

    private AuditHeads() {
    }

    /** No heads yet. */
    public static AuditHeads create() {
        return new AuditHeads();
    }

    /** {@code head} was committed for {@code tenant}: remembered unless a newer one is. */
    void advance(TenantId tenant, AuditHead head) {
        newest.asMap().merge(tenant, head, AuditHeads::newer);
        unpublished.merge(tenant, head, AuditHeads::newer);
    }

    /** The newest head this process committed for {@code tenant}, if it remembers one. */
    public Optional<AuditHead> known(TenantId tenant) {
        return Optional.ofNullable(newest.getIfPresent(tenant));
    }

    /** The heads that moved since the last call, taken out so each is published once. */
    Map<TenantId, AuditHead> takeUnpublished() {
        Map<TenantId, AuditHead> taken = new HashMap<>();
        for (TenantId tenant : unpublished.keySet()) {
            AuditHead head = unpublished.remove(tenant);
            if (head != null) {
                taken.put(tenant, head);
            }
        }
        return taken;
    }

    private static AuditHead newer(AuditHead one, AuditHead other) {
        return other.seq() > one.seq() ? other : one;
    }
}
