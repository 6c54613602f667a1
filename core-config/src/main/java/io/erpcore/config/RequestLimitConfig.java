package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;

/** Limits on what one request may send. */
public record RequestLimitConfig(@Variable("REQUEST_BODY_LIMIT") ByteSize bodyLimit) {

    private static final ByteSize SMALLEST = ByteSize.ofKilobytes(1);
    private static final ByteSize LARGEST = ByteSize.ofMegabytes(100);

    @Variable("REQUEST_BODY_LIMIT")
    @AssertTrue(message = "must be between 1kb and 100mb")
    public boolean isBodyLimitWithinBounds() {
        return bodyLimit.bytes() >= SMALLEST.bytes() && bodyLimit.bytes() <= LARGEST.bytes();
    }
}
