package io.erpcore.adapter.http;

import io.erpcore.logging.StructuredLogger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals as problem answers: a request Jetty refuses before the application sees
 * it (headers or request line too long, contradicting framing headers, a malformed request line)
 * gets the same {@code application/problem+json} body, documented code and correlation id as every
 * other error, instead of Jetty's HTML page. The correlation id is made here, since the
 * application's first step never ran, and logged with the refusal.
 */
final class JettyProblemErrors extends ErrorHandler {

    private static final StructuredLogger LOG = StructuredLogger.forModule("http");

    private final ProblemResponses problems;

    JettyProblemErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    /** Every method gets a body: Jetty's default writes one for GET, POST and HEAD only, and a PATCH deserves a problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** A refusal while parsing, before Jetty has a request: the bytes of the answer's body. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String correlationId = CorrelationIds.generate();
        fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        fields.put(CorrelationIds.REQUEST_ID, correlationId);
        // No request target is known yet: the occurrence is named by its correlation id.
        return ByteBuffer.wrap(body(status, reason, "urn:uuid:" + correlationId, correlationId));
    }

    /** A refusal of a request Jetty has parsed, outside any route. */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String correlationId = CorrelationIds.generate();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        response.getHeaders().put(CorrelationIds.REQUEST_ID, correlationId);
        response.write(true, ByteBuffer.wrap(body(code, message, request.getHttpURI().getPath(), correlationId)), callback);
    }

    private byte[] body(int status, String reason, String instance, String correlationId) {
        ProblemException problem = ProblemResponses.fromStatus(status, null);
        LOG.info("Jetty refused a request before the application: " + status + " " + reason,
                Map.of("status", status, "correlationId", correlationId));
        return problems.body(problem, instance, correlationId).getBytes(StandardCharsets.UTF_8);
    }
}
