package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds well-formed audit chains in memory, sealed with the default hash. */
final class AuditChains {

    static final AuditHasher SHA256 = AuditHashes.sha256();
    static final Instant START = Instant.parse("2026-03-01T09:30:00.123456Z");

    private AuditChains() {
    }

    /** A chain of {@code length} events of one tenant. */
    static List<AuditRecord> chain(TenantId tenant, int length) {
        List<AuditRecord> chain = new ArrayList<>();
        AuditHead head = AuditHead.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord next = seal(draft(tenant, seq, head.hash(), "{\"n\": " + seq + "}"));
            chain.add(next);
            head = next.asHead();
        }
        return chain;
    }

    static AuditDraft draft(TenantId tenant, long seq, String prevHash, String after) {
        return new AuditDraft(tenant, seq, UUID.nameUUIDFromBytes(("event-" + seq).getBytes()),
                START.plus(seq, ChronoUnit.SECONDS), "user.updated", Optional.of(UUID.nameUUIDFromBytes(new byte[] {1})),
                "users/42", Optional.of("req-" + seq), Optional.empty(), Optional.of(after), prevHash);
    }

    static AuditRecord seal(AuditDraft draft) {
        return draft.sealedWith(SHA256.hash(draft));
    }

    /** {@code event} with another {@code after}, its old hash kept: an edit in place. */
    static AuditRecord edited(AuditRecord event, String after) {
        return new AuditRecord(event.tenantId(), event.seq(), event.id(), event.at(), event.action(), event.actorId(),
                event.resource(), event.correlationId(), event.before(), Optional.of(after), event.prevHash(),
                event.hash());
    }

    /** The verification of {@code chain}, against {@code published} when present. */
    static AuditVerification verify(List<AuditRecord> chain, Optional<AuditHead> published) {
        AuditChainCheck check = AuditChainCheck.of(SHA256, published);
        chain.forEach(check::accept);
        return check.result();
    }
}
