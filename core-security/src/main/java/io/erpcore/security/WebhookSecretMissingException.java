package io.erpcore.security;

/**
 * {@link WebhookSignatures} was asked for while {@code WEBHOOK_SECRET} is unset: without it, nothing
 * can be signed and nothing verified. A service that takes webhooks sets it; one that does not, never
 * builds a {@link WebhookSignatures}.
 */
public final class WebhookSecretMissingException extends ErpSecurityException {

    private static final long serialVersionUID = 1L;

    WebhookSecretMissingException() {
        super("WEBHOOK_SECRET is not set: webhooks can be neither signed nor verified without it"
                + " (generate one with: openssl rand -base64 48)");
    }
}
