package io.erpcore.adapter.http;

import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.util.Locale;

/** The steps about the request's body: its size, checked early, and its media type, checked last. */
final class EdgeSteps {

    private EdgeSteps() {
    }

    /**
     * Refuses a declared {@code Content-Length} over {@code REQUEST_BODY_LIMIT} with 413 before a byte
     * of the body is read; a chunked body is cut off by the server's own limit as it is read.
     */
    static NamedStep bodyLimit(long limitBytes) {
        return new NamedStep("body-limit", (ctx, request) -> {
            long declared = ctx.req().getContentLengthLong();
            if (declared > limitBytes) {
                throw ErrorCode.BODY_TOO_LARGE.problem("the request body has " + declared
                        + " bytes; this server accepts at most " + limitBytes);
            }
        });
    }

    /**
     * Refuses a body on POST, PUT or PATCH that is not JSON with 415; a {@code Content-Type} sent
     * twice names no one media type, so it is refused too.
     */
    static NamedStep jsonBody() {
        return new NamedStep("json-body", (ctx, request) -> {
            HandlerType method = ctx.method();
            boolean carriesBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
            String contentType = RequestHeaders.fieldValue(ctx, Header.CONTENT_TYPE);
            if ((method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH)
                    && carriesBody && !isJson(contentType)) {
                throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.problem("send the body as application/json, not "
                        + (contentType == null ? "without a Content-Type" : "'" + contentType + "'"));
            }
        });
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
