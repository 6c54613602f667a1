package io.erpcore.logging;

import io.erpcore.logging.internal.MapMasking;
import io.erpcore.logging.internal.SensitiveKeys;
import io.erpcore.logging.internal.TextMasking;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Masks the values of sensitive keys in context maps and in text, so secrets never reach a log.
 *
 * <p>Keys are compared after normalisation (lower case, without {@code _}, {@code -} and
 * {@code .}), and a key is sensitive when it <em>contains</em> a sensitive fragment:
 * {@code refreshToken}, {@code client_secret}, {@code x-api-key}, {@code Set-Cookie} and
 * {@code dbPassword} are all masked. The price of that is a few harmless false positives such as
 * {@code tokenCount} or {@code secretary}; missing a secret would not be harmless. The match is
 * one way only, so {@code author} is not taken for {@code authorization}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {

    /** What a masked value becomes. */
    public static final String MASK = "[REDACTED]";

    /** What a container nested more than 16 levels deep becomes. */
    public static final String TOO_DEEP = MapMasking.TOO_DEEP;

    /** What a container that contains itself becomes, where it recurs. */
    public static final String CYCLE = MapMasking.CYCLE;

    private static final List<String> DEFAULT_KEYS = List.of(
            "password", "passwd", "pwd", "secret", "token", "authorization", "cookie", "apikey");

    private static final Redactor DEFAULTS = new Redactor(SensitiveKeys.of(DEFAULT_KEYS));

    private final SensitiveKeys keys;

    private Redactor(SensitiveKeys keys) {
        this.keys = keys;
    }

    /** Masks password, passwd, pwd, secret, token, authorization, cookie and apikey keys. */
    public static Redactor defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults plus {@code keys}, normalised the same way: typically
     * {@code LoggingConfig.redactKeys()}. Blank keys are ignored, since they would match every key.
     */
    public static Redactor withExtraKeys(Collection<String> keys) {
        return new Redactor(DEFAULTS.keys.plus(keys));
    }

    /** Whether values under {@code key} are masked; a null key is not sensitive. */
    public boolean isSensitive(String key) {
        return keys.matches(key);
    }

    /**
     * A new, unmodifiable map with the entries of {@code context} in its iteration order, values
     * under sensitive keys replaced by {@link #MASK} (null values stay null). Nested maps,
     * collections and object arrays are copied and masked too (collections and arrays come back
     * as lists), down to 16 levels; {@code context} is never changed.
     * A null map gives an empty one.
     */
    public Map<String, Object> redact(Map<String, ?> context) {
        return context == null ? Map.of() : MapMasking.mask(context, keys::matches, MASK);
    }

    /**
     * {@code text} with the values of sensitive keys masked, in {@code key=value},
     * {@code key: value} and {@code "key":"value"} forms and in {@code Authorization: Bearer ...}
     * or {@code Basic ...} headers: {@code login password=hunter2 user=bob} becomes
     * {@code login password=[REDACTED] user=bob}. Linear in the length of the text; null stays null.
     */
    public String redactText(String text) {
        return text == null ? null : TextMasking.mask(text, keys::matches, MASK);
    }

    @Override
    public String toString() {
        return "Redactor" + keys;
    }
}
