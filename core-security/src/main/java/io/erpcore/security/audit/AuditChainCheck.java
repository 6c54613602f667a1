package io.erpcore.security.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a tenant's audit chain as its events stream past in sequence order, holding only the
 * previous link: fed a million events, it keeps a few fields. Each event must carry the next
 * sequence number, name the previous event's hash as its {@code prevHash} and still hash to its
 * {@code hash}. Against a head published earlier, the chain must reach that head's sequence
 * number with that very hash: the only way to catch deleted newest events, or a chain recomputed
 * from the first edited event on, since both leave a chain that is consistent in itself. Several
 * published heads may be given (the caller's, and those the trail published itself).
 *
 * <p>Not thread-safe: one check per verification.
 */
public final class AuditChainCheck {

    private final AuditHasher hasher;
    private final List<AuditHead> published;
    private final Map<Long, String> storedHashAtPublishedSeq = new HashMap<>();
    private AuditHead previous = AuditHead.GENESIS;
    private long checked;
    private long brokenSeq = -1;
    private String reason;

    private AuditChainCheck(AuditHasher hasher, List<AuditHead> published) {
        this.hasher = hasher;
        this.published = published;
    }

    /** A check with {@code hasher}, and against {@code published} when present. */
    public static AuditChainCheck of(AuditHasher hasher, Optional<AuditHead> published) {
        return of(hasher, Objects.requireNonNull(published, "published").stream().toList());
    }

    /** A check with {@code hasher}, and against every head in {@code published}. */
    public static AuditChainCheck of(AuditHasher hasher, List<AuditHead> published) {
        return new AuditChainCheck(Objects.requireNonNull(hasher, "hasher"), List.copyOf(published));
    }

    /** Checks {@code event}, the next one in sequence order. */
    public void accept(AuditRecord event) {
        checked++;
        for (AuditHead head : published) {
            if (head.seq() == event.seq()) {
                storedHashAtPublishedSeq.put(head.seq(), event.hash());
            }
        }
        if (brokenSeq < 0) {
            long expected = previous.seq() + 1;
            if (event.seq() != expected) {
                broken(expected, event.seq() > expected
                        ? "event " + expected + " is missing: the chain goes on at " + event.seq()
                        : "event " + event.seq() + " appears where event " + expected + " belongs");
            } else if (!event.prevHash().equals(previous.hash())) {
                broken(event.seq(), "event " + event.seq() + " does not follow event " + previous.seq()
                        + ": its previous hash differs");
            } else if (!event.hash().equals(hasher.hash(event.draft()))) {
                broken(event.seq(), "event " + event.seq() + " no longer matches its hash: it was changed");
            }
        }
        previous = event.asHead();
    }

    /** The result, once every event was accepted. */
    public AuditVerification result() {
        published.forEach(this::compareWithPublished);
        return brokenSeq < 0
                ? new AuditVerification(true, checked, previous, Optional.empty(), Optional.empty())
                : new AuditVerification(false, checked, previous, Optional.of(brokenSeq), Optional.of(reason));
    }

    private void compareWithPublished(AuditHead head) {
        if (head.seq() == 0) {
            return;
        }
        String stored = storedHashAtPublishedSeq.get(head.seq());
        if (stored == null) {
            broken(Math.min(head.seq(), previous.seq() + 1), "the chain ends at event " + previous.seq()
                    + " but event " + head.seq() + " was published as its head: newer events were deleted");
        } else if (!stored.equals(head.hash())) {
            broken(head.seq(), "event " + head.seq() + " differs from the head published for it: "
                    + "the chain was rewritten up to there");
        }
    }

    private void broken(long seq, String why) {
        if (brokenSeq < 0 || seq < brokenSeq) {
            brokenSeq = seq;
            reason = why;
        }
    }
}
