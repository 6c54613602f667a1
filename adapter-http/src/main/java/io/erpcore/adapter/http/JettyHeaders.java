package io.erpcore.adapter.http;

import io.erpcore.security.HeaderField;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Writes the chain's fixed headers as Jetty fields encoded once, at start-up: the security headers
 * alone are a dozen lines and half a kilobyte on every answer, and the servlet API would re-encode
 * them for each request.
 */
final class JettyHeaders {

    private final Map<List<HeaderField>, HttpField[]> encoded = new ConcurrentHashMap<>();

    /** {@code fields} as pre-encoded Jetty fields; the policies hand out a few fixed lists, so this stays small. */
    HttpField[] encoded(List<HeaderField> fields) {
        return encoded.computeIfAbsent(fields, JettyHeaders::encode);
    }

    static HttpField[] encode(List<HeaderField> fields) {
        return fields.stream().map(field -> new PreEncodedHttpField(field.name(), field.value())).toArray(HttpField[]::new);
    }

    /**
     * Adds a header of the chain's own, which Jetty has no constant for, with a value that changes per
     * request: naming no {@code HttpHeader} spares Jetty looking the name up among the ones it knows.
     */
    static void addCustom(Context ctx, String name, String value) {
        of(ctx).add(new HttpField(null, name, value));
    }

    /** The answer's headers, as Jetty holds them. */
    static HttpFields.Mutable of(Context ctx) {
        return ServletContextResponse.getServletContextResponse(ctx.res()).getHeaders();
    }

    /** Adds {@code fields} to the answer of {@code ctx}, which has none of them yet. */
    static void add(Context ctx, HttpField[] fields) {
        HttpFields.Mutable headers = of(ctx);
        for (HttpField field : fields) {
            headers.add(field);
        }
    }
}
