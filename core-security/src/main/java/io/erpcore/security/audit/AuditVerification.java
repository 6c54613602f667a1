package io.erpcore.security.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What checking a tenant's audit chain found.
 *
 * @param valid whether every link holds and the chain agrees with the published head it was checked against
 * @param checked how many stored events were read
 * @param head the newest stored event as the head it claims to be ({@link AuditHead#GENESIS} for none)
 * @param firstBrokenSeq the lowest sequence number at which the chain is broken: an event whose
 *     hash no longer matches its content, that does not follow the one before, that is missing, or
 *     that differs from (or falls short of) the published head
 * @param reason what broke there, in words, for the operator
 */
public record AuditVerification(boolean valid, long checked, AuditHead head, Optional<Long> firstBrokenSeq,
        Optional<String> reason) {

    /** Refuses a valid result with a break and a broken one without. */
    public AuditVerification {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(firstBrokenSeq, "firstBrokenSeq");
        Objects.requireNonNull(reason, "reason");
        if (valid == firstBrokenSeq.isPresent() || firstBrokenSeq.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException("a verification is valid exactly when it names no break and no reason");
        }
    }
}
