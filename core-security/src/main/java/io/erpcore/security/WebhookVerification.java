package io.erpcore.security;

import java.time.Instant;
import java.util.Objects;

/** What {@link WebhookSignatures#verify} made of a {@code Webhook-Signature} header and a body. */
public sealed interface WebhookVerification permits WebhookVerification.Verified, WebhookVerification.Refused {

    /** Why a webhook was refused; each reason's {@link #detail()} is safe to show the sender. */
    enum Reason {
        /** No header, or a blank one. */
        MISSING_HEADER("the Webhook-Signature header is missing"),
        /** Not {@code t=<unix seconds>,v1=<hex>...}: a broken item, no or a second {@code t}, a bad {@code v1}, too many items. */
        MALFORMED_HEADER("the Webhook-Signature header is malformed; expected t=<unix seconds>,v1=<hex HMAC-SHA256>"),
        /** Well-formed, but without a single {@code v1} signature. */
        NO_SIGNATURE("the Webhook-Signature header carries no v1 signature"),
        /** Signed longer ago than the tolerance: possibly a replay. */
        TIMESTAMP_TOO_OLD("the Webhook-Signature timestamp is older than the tolerance allows"),
        /** Signed further in the future than the tolerance: a wrong clock, or a timestamp made to outlive the window. */
        TIMESTAMP_IN_FUTURE("the Webhook-Signature timestamp lies further in the future than the tolerance allows"),
        /** No {@code v1} value is the HMAC of this body under any known secret. */
        SIGNATURE_MISMATCH("no v1 signature matches the body under a known secret");

        private final String detail;

        Reason(String detail) {
            this.detail = detail;
        }

        /** Which check failed, in words that never repeat a signature or a secret. */
        public String detail() {
            return detail;
        }
    }

    /** The body is the one the holder of a known secret signed at {@code signedAt}. */
    record Verified(Instant signedAt) implements WebhookVerification {

        /** Refuses a missing time. */
        public Verified {
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /** The webhook must not be processed, for {@code reason}. */
    record Refused(Reason reason) implements WebhookVerification {

        /** Refuses a missing reason. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether the webhook may be processed. */
    default boolean verified() {
        return this instanceof Verified;
    }
}
