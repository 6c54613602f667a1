package io.erpcore.adapter.jdbi;

import java.util.Objects;

/**
 * The newest link of a tenant's audit chain: its sequence number and hash. A tenant without
 * events has {@link #GENESIS}, whose hash is the first event's {@code prev_hash}.
 */
public record AuditHead(long seq, String hash) {

    /** The head of an empty chain: sequence 0 and a hash of 64 zeros. */
    public static final AuditHead GENESIS = new AuditHead(0, "0".repeat(64));

    /** Refuses a negative sequence number and a missing hash. */
    public AuditHead {
        if (seq < 0) {
            throw new IllegalArgumentException("'seq' must be at least 0 but was " + seq);
        }
        Objects.requireNonNull(hash, "hash");
    }
}
