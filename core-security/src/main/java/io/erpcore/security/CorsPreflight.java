package io.erpcore.security;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a CORS preflight ({@link CorsPolicy#preflight}): allowed with the headers to send,
 * or refused with the reason.
 */
public sealed interface CorsPreflight permits CorsPreflight.Allowed, CorsPreflight.Refused {

    /** The adapter answers 204 with {@code headers}. */
    record Allowed(List<HeaderField> headers) implements CorsPreflight {

        /** Copies the headers, of which there must be at least one. */
        public Allowed {
            headers = List.copyOf(headers);
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("an allowed preflight must carry its Access-Control-* headers");
            }
        }
    }

    /**
     * The adapter answers 403 without any {@code Access-Control-*} header, so the browser blocks the
     * request. {@code reason} is for the log and the problem detail: it repeats only the caller's own
     * input, quoted and cut short.
     */
    record Refused(String reason) implements CorsPreflight {

        /** Refuses a blank reason. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("'reason' must not be blank");
            }
        }
    }
}
