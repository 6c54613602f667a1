package io.erpcore.security;

import io.erpcore.config.Secret;
import io.erpcore.config.WebhookConfig;
import io.erpcore.security.WebhookVerification.Reason;
import io.erpcore.security.WebhookVerification.Refused;
import io.erpcore.security.WebhookVerification.Verified;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies and verifies signed ones. A signature travels in the {@value #HEADER} header
 * as {@code t=<unix seconds>,v1=<hex>}, where {@code <hex>} is the lower-case hex HMAC-SHA256 of
 * {@code <t>.<body>} (the timestamp's digits, a full stop, then the body's exact bytes) under a
 * shared secret.
 *
 * <p>Rotation: the current secret ({@code WEBHOOK_SECRET}) and the previous ones
 * ({@code WEBHOOK_PREVIOUS_SECRETS}) all verify, and {@link #sign} writes one {@code v1} per secret,
 * current first, so that a receiver that knows only the old secret or only the new one accepts
 * the webhook during the change-over.
 *
 * <p>A timestamp may lie at most the tolerance ({@code WEBHOOK_TOLERANCE}) before or after this
 * clock; exactly the tolerance away still verifies. The signature alone does not stop a replay
 * inside that window: a receiver that must act once de-duplicates by the event's id.
 *
 * <p>Immutable and thread-safe. Secrets never appear in {@code toString} or in an exception.
 */
public final class WebhookSignatures {

    /** The header that carries the signature. */
    public static final String HEADER = "Webhook-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookSignatures(List<SecretKeySpec> keys, Duration tolerance, Clock clock) {
        this.keys = keys;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Signatures under {@code WEBHOOK_SECRET} and {@code WEBHOOK_PREVIOUS_SECRETS}, with
     * {@code WEBHOOK_TOLERANCE}, on {@code clock}.
     *
     * @throws WebhookSecretMissingException when {@code WEBHOOK_SECRET} is unset
     */
    public static WebhookSignatures from(WebhookConfig config, Clock clock) {
        Secret current = config.secret().orElseThrow(WebhookSecretMissingException::new);
        return of(current, config.previousSecrets(), config.tolerance(), clock);
    }

    /**
     * Signatures under {@code current} that also accept {@code previous}, for secrets that do not
     * come from the configuration (one per partner, say).
     *
     * @throws IllegalArgumentException for an empty secret or a tolerance that is not positive
     */
    public static WebhookSignatures of(Secret current, List<Secret> previous, Duration tolerance, Clock clock) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("'tolerance' must be positive but was " + tolerance);
        }
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key(current));
        previous.forEach(secret -> keys.add(key(Objects.requireNonNull(secret, "previous secret"))));
        return new WebhookSignatures(List.copyOf(keys), tolerance, clock);
    }

    /**
     * The {@value #HEADER} value for {@code body} signed now: {@code t=<now>,v1=<current>} and one
     * more {@code v1} per previous secret.
     */
    public String sign(byte[] body) {
        Objects.requireNonNull(body, "body");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        keys.forEach(key -> header.append(",v1=").append(HexFormat.of().formatHex(hmac(key, timestamp, body))));
        return header.toString();
    }

    /**
     * Whether {@code header} (the {@value #HEADER} value, null when absent) signs {@code body}, the
     * bytes exactly as received. Never throws for any header: every defect is a
     * {@link WebhookVerification.Refused} with its reason. The header is checked before any HMAC is
     * computed, and at most one HMAC per known secret is computed, however many {@code v1} values
     * it carries; signatures are compared in constant time.
     */
    public WebhookVerification verify(String header, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (header == null || header.isBlank()) {
            return new Refused(Reason.MISSING_HEADER);
        }
        Optional<WebhookSignatureHeader> parsed = WebhookSignatureHeader.parse(header);
        if (parsed.isEmpty()) {
            return new Refused(Reason.MALFORMED_HEADER);
        }
        WebhookSignatureHeader signature = parsed.get();
        if (signature.signatures().isEmpty()) {
            return new Refused(Reason.NO_SIGNATURE);
        }
        Instant signedAt = Instant.ofEpochSecond(signature.epochSecond());
        Instant now = clock.instant();
        if (signedAt.plus(tolerance).isBefore(now)) {
            return new Refused(Reason.TIMESTAMP_TOO_OLD);
        }
        if (signedAt.minus(tolerance).isAfter(now)) {
            return new Refused(Reason.TIMESTAMP_IN_FUTURE);
        }
        return matchesAnyKey(signature, body) ? new Verified(signedAt) : new Refused(Reason.SIGNATURE_MISMATCH);
    }

    /** How far a timestamp may lie from now, either way. */
    public Duration tolerance() {
        return tolerance;
    }

    private boolean matchesAnyKey(WebhookSignatureHeader signature, byte[] body) {
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, signature.timestamp(), body);
            for (byte[] candidate : signature.signatures()) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SecretKeySpec key(Secret secret) {
        byte[] material = secret.bytes();
        if (material.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        return new SecretKeySpec(material, ALGORITHM);
    }

    private static byte[] hmac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac holds state, so each call takes its own
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must provide " + ALGORITHM, e);
        }
    }

    /** The number of secrets and the tolerance; never a secret. */
    @Override
    public String toString() {
        return "WebhookSignatures[secrets=" + keys.size() + ", tolerance=" + tolerance + "]";
    }
}
