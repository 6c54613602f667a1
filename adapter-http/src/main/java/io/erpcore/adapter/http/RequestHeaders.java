package io.erpcore.adapter.http;

import io.javalin.http.Context;
import java.util.Enumeration;

/**
 * Request headers read whole. {@code ctx.header(name)} answers a repeated header's first line only,
 * so {@code X-Tenant-ID: A} then {@code X-Tenant-ID: B} would be read as A and B ignored. RFC 9110
 * (section 5.3) makes repeated lines mean their values joined by commas; read that way, a header
 * that may hold one value (credentials, a tenant, a media type) and was sent twice is refused by the
 * same rules as any other malformed value.
 */
final class RequestHeaders {

    private RequestHeaders() {
    }

    /** Every line of header {@code name}, joined by {@code ", "}; null when there is none. */
    static String fieldValue(Context ctx, String name) {
        Enumeration<String> lines = ctx.req().getHeaders(name);
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        StringBuilder value = new StringBuilder(lines.nextElement());
        while (lines.hasMoreElements()) {
            value.append(", ").append(lines.nextElement());
        }
        return value.toString();
    }
}
