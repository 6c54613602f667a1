package io.erpcore.security.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The newest link of a tenant's audit chain: its sequence number and hash. A tenant without
 * events has {@link #GENESIS}, whose hash is the first event's {@code prevHash}. Published outside
 * the trail (the log, an auditor's notes), a head is what a truncated or recomputed chain is
 * caught against.
 */
public record AuditHead(long seq, String hash) {

    /** The head of an empty chain: sequence 0 and a hash of 64 zeros. */
    public static final AuditHead GENESIS = new AuditHead(0, "0".repeat(64));

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,18}):([0-9a-f]{64})");

    /** Refuses a negative sequence number and a missing hash. */
    public AuditHead {
        if (seq < 0) {
            throw new IllegalArgumentException("'seq' must be at least 0 but was " + seq);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * The head written as {@code <seq>:<hash>}, the form {@link #toString()} gives.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static AuditHead parse(String text) {
        var matcher = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an audit head is written <seq>:<64 lower-case hex digits>");
        }
        return new AuditHead(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /** {@code <seq>:<hash>}. */
    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
