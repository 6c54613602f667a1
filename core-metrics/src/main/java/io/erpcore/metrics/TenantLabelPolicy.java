package io.erpcore.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the values of the {@code tenant} label: the first {@code cap} distinct tenants keep their
 * id, every later one is counted as {@value #OTHER}, and a missing tenant is {@value #NONE}.
 *
 * <p>Each tenant label value multiplies the number of series of every metric that carries it, so
 * an unbounded number of tenants would eventually overwhelm Prometheus. At most {@code cap}
 * distinct ids are ever returned, also under concurrency. Thread-safe; an admitted tenant costs
 * one concurrent-set lookup.
 */
public final class TenantLabelPolicy {

    /** The label of a request without a tenant. */
    public static final String NONE = "none";
    /** The label of every tenant beyond the cap. */
    public static final String OTHER = "other";

    private final int cap;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private int admittedCount; // guarded by this
    private volatile boolean full;

    private TenantLabelPolicy(int cap) {
        this.cap = cap;
        this.full = cap == 0;
    }

    /** A policy that keeps the ids of the first {@code cap} tenants it sees; {@code cap} 0 folds every tenant into {@value #OTHER}. */
    public static TenantLabelPolicy capped(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("tenant label cap must be 0 or more but was " + cap);
        }
        return new TenantLabelPolicy(cap);
    }

    /** The label value for {@code tenantId}: its sanitised id, {@value #OTHER} beyond the cap, {@value #NONE} if null or blank. */
    public String labelFor(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return NONE;
        }
        String id = LabelValues.sanitize(tenantId);
        if (admitted.contains(id)) {
            return id;
        }
        if (id.isBlank()) {
            return NONE;
        }
        return full ? OTHER : admit(id);
    }

    /** The cap this policy enforces. */
    public int cap() {
        return cap;
    }

    // The rare path: a tenant seen for the first time. Locking keeps the count exact.
    private synchronized String admit(String id) {
        if (admitted.contains(id)) {
            return id;
        }
        if (full) {
            return OTHER;
        }
        admitted.add(id);
        admittedCount++;
        full = admittedCount >= cap;
        return id;
    }
}
