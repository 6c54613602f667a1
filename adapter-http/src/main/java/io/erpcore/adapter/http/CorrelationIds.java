package io.erpcore.adapter.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chain's first step: takes the caller's {@code X-Request-ID} (or {@code X-Correlation-ID}) when
 * it is well-formed, else makes one, echoes it as {@code X-Request-ID}, reads the trace id of a W3C
 * {@code traceparent}, and opens the request's {@link ApiRequest}.
 */
final class CorrelationIds {

    static final String STEP = "correlation-id";
    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    static final String TRACEPARENT = "traceparent";
    private static final int MAX_LENGTH = 128;

    private CorrelationIds() {
    }

    static ApiRequest begin(Context ctx, long startNanos) {
        String id = wellFormed(ctx.header(REQUEST_ID))
                .or(() -> wellFormed(ctx.header(CORRELATION_ID)))
                .orElseGet(CorrelationIds::generate);
        JettyHeaders.addCustom(ctx, REQUEST_ID, id);
        return ApiRequest.start(ctx, startNanos, id, traceId(ctx.header(TRACEPARENT)));
    }

    /** Letters, digits and {@code - _ . :}, 1 to 128 of them: safe in a header, a log line and a URL. */
    static Optional<String> wellFormed(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!allowed) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /**
     * The trace id of a version-00 {@code traceparent}: {@code 00-<32 hex>-<16 hex>-<2 hex>}, lower
     * case, neither id all zeros. Anything else is ignored, as the W3C recommendation asks.
     */
    static Optional<String> traceId(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return Optional.empty();
        }
        String trace = traceparent.substring(3, 35);
        String parent = traceparent.substring(36, 52);
        if (!isLowerHex(trace) || !isLowerHex(parent) || !isLowerHex(traceparent.substring(53))
                || isAllZeros(trace) || isAllZeros(parent)) {
            return Optional.empty();
        }
        return Optional.of(trace);
    }

    private static boolean isLowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllZeros(String text) {
        return text.chars().allMatch(c -> c == '0');
    }

    // Not UUID.randomUUID(): correlation ids need to be unique, not unguessable, and SecureRandom is slow.
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
