package io.erpcore.security;

import java.util.Objects;

/**
 * One HTTP header as a name and a value, for the adapter to set on a response.
 *
 * @param name a header name (an RFC 9110 token), e.g. {@code X-Frame-Options}
 * @param value the value, without line breaks
 */
public record HeaderField(String name, String value) {

    /** Refuses a name that is not a token and a value that could end the header early. */
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(HeaderField::isTokenChar)) {
            throw new IllegalArgumentException("header name " + QuotedInput.quote(name) + " must be a token");
        }
        // CR and LF would let a value start a header of its own (response splitting); NUL is refused by HTTP/2.
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("header '" + name + "' must not contain CR, LF or NUL in its value");
        }
    }

    /** {@code Name: value}, as it appears on the wire. */
    @Override
    public String toString() {
        return name + ": " + value;
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
