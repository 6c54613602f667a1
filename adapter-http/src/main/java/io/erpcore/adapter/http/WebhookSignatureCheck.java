package io.erpcore.adapter.http;

import io.erpcore.logging.SecuritySeverity;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.security.WebhookSignatures;
import io.erpcore.security.WebhookVerification;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Objects;

/**
 * The inbound check of a webhook route: wrap the route's handler, and it runs only for a request
 * whose {@value WebhookSignatures#HEADER} header signs the body's exact bytes.
 *
 * <pre>{@code
 * routes.post("/api/v1/webhooks/payments", RouteAccess.anyone(),
 *         WebhookSignatureCheck.verified(signatures, ctx -> payments.accept(ctx.body())));
 * }</pre>
 *
 * <p>A refused request is answered 401 {@link ErrorCode#WEBHOOK_SIGNATURE_INVALID}, whose detail
 * names the check that failed (missing, malformed, stale, mismatch) and never repeats a signature,
 * and is logged as a security event; the handler never runs. The signature is the credential, so
 * the route is usually {@link RouteAccess#anyone()}. It does not stop a replay inside
 * {@code WEBHOOK_TOLERANCE}: a handler that must act once de-duplicates by the event's id.
 */
public final class WebhookSignatureCheck {

    private static final StructuredLogger LOG = StructuredLogger.forModule("http");

    private WebhookSignatureCheck() {
    }

    /** {@code handler}, run only once {@code signatures} verified the request's body. */
    public static Handler verified(WebhookSignatures signatures, Handler handler) {
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(handler, "handler");
        return ctx -> {
            // The raw bytes, read once: Javalin keeps them, so the handler reads the same body again.
            WebhookVerification verification = signatures.verify(ctx.header(WebhookSignatures.HEADER), ctx.bodyAsBytes());
            if (verification instanceof WebhookVerification.Refused refused) {
                LOG.security("webhook signature refused", SecuritySeverity.MEDIUM,
                        Map.of("reason", refused.reason().name(),
                                "route", ApiRequest.find(ctx).map(ApiRequest::route).orElse(ApiRequest.UNMATCHED_ROUTE)));
                throw ErrorCode.WEBHOOK_SIGNATURE_INVALID.problem(refused.reason().detail());
            }
            handler.handle(ctx);
        };
    }
}
