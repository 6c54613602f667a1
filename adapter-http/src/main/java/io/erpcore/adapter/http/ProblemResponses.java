package io.erpcore.adapter.http;

import java.util.Comparator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.persistence.TenantBusyException;
import io.erpcore.persistence.TransientDatabaseException;
import io.erpcore.security.RateLimiterUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become answers: RFC 9457 {@code application/problem+json} with a
 * stable code and the correlation id. Bad input is a 4xx; only an unexpected failure is a 500, logged
 * with its stack under the same correlation id. Outside development nothing internal (class names,
 * SQL, stacks) reaches the body.
 */
final class ProblemResponses {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final StructuredLogger LOG = StructuredLogger.forModule("http");

    private final ObjectMapper json;
    private final boolean development;

    ProblemResponses(ObjectMapper json, boolean development) {
        this.json = json;
        this.development = development;
    }

    /** Answers {@code failure} as a problem, logging under the request's fields on whatever thread this runs. */
    void answer(Exception failure, Context ctx) {
        ApiRequest.find(ctx).ifPresent(RequestMdc::ensure);
        write(ctx, problemFor(failure));
    }

    /** The problem that {@code failure} is answered with; logs it when it is a server failure. */
    ProblemException problemFor(Exception failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof HttpResponseException http) {
            return fromStatus(http.getStatus(), http.getMessage());
        }
        if (failure instanceof StreamReadException) {
            return ErrorCode.MALFORMED_JSON.problem("the request body is not valid JSON");
        }
        if (failure instanceof JsonMappingException mapping) {
            return ProblemException.validation("the request body does not have the expected shape",
                    List.of(new FieldError(fieldPath(mapping), "has the wrong type or is not expected here")));
        }
        if (failure instanceof ConstraintViolationException violations) {
            return ProblemException.validation("the request is not valid", violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList());
        }
        if (failure instanceof TenantBusyException busy) {
            return ErrorCode.TENANT_BUSY.problem("the tenant already uses its share of database connections; retry shortly")
                    .retryAfter(busy.retryAfter());
        }
        if (failure instanceof TransientDatabaseException) {
            LOG.warn("the database failed transiently", failure, Map.of());
            return ErrorCode.DATABASE_UNAVAILABLE.problem("the database is unavailable; retry shortly")
                    .retryAfter(Duration.ofSeconds(1));
        }
        if (failure instanceof RateLimiterUnavailableException unavailable) {
            return ErrorCode.RATE_LIMIT_UNAVAILABLE.problem("rate limits cannot be checked; retry shortly")
                    .retryAfter(unavailable.retryAfter());
        }
        LOG.error("request failed unexpectedly", failure);
        return ErrorCode.INTERNAL_ERROR.problem(development
                ? failure.getClass().getName() + ": " + failure.getMessage()
                : "an unexpected error occurred; quote the correlation id when reporting it");
    }

    static ProblemException fromStatus(int status, String message) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND.problem("no route matches this path");
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED.problem("this route does not answer this method");
            case 413 -> ErrorCode.BODY_TOO_LARGE.problem("the request body exceeds the server's limit");
            case 414 -> ErrorCode.URI_TOO_LONG.problem("the request line exceeds the server's limit");
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.problem("send the body as application/json");
            case 417 -> ErrorCode.EXPECTATION_FAILED.problem("only 'Expect: 100-continue' is supported");
            case 431 -> ErrorCode.HEADERS_TOO_LARGE.problem("the request headers exceed the server's limit");
            case 400 -> ErrorCode.MALFORMED_REQUEST.problem(message == null || message.isBlank()
                    ? "the request is malformed" : message);
            default -> ProblemException.of(status < 400 || status > 599 ? 500 : status, "HTTP_" + status,
                    "HTTP " + status, "the request cannot be served");
        };
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Writes {@code problem} as the answer of {@code ctx}. */
    void write(Context ctx, ProblemException problem) {
        String correlationId = ApiRequest.find(ctx).map(ApiRequest::correlationId).orElse(null);
        String body = body(problem, ctx.path(), correlationId);
        problem.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(ceilSeconds(wait))));
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(body);
    }

    /** The JSON body of {@code problem}, answered to a request for {@code instance}; {@code correlationId} may be null. */
    String body(ProblemException problem, String instance, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ErrorCode.typeOf(problem.code()));
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        body.put("code", problem.code());
        body.put("correlationId", correlationId);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return serialize(body);
    }

    /** Answers {@code code} for a status the router set without an exception, unless a problem was written. */
    void writeUnlessWritten(Context ctx, ErrorCode code) {
        String written = ctx.res().getContentType();
        if (written == null || !written.startsWith(CONTENT_TYPE)) {
            write(ctx, fromStatus(code.status(), null));
        }
    }

    static long ceilSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private String serialize(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body of strings and numbers could not be written", e);
        }
    }
}
