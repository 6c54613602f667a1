package io.erpcore.config.internal;

import java.util.List;
import java.util.Locale;

/** Recognises the example values that documentation and tutorials show in place of real secrets. */
public final class Placeholders {

    private static final List<String> FRAGMENTS = List.of(
            "changeme", "change-me", "change_me", "change-this", "replace-me", "replace_me",
            "your-", "your_", "placeholder", "example", "insecure", "not-a-secret",
            "dev-secret", "test-secret", "default-secret", "secret-key");

    private Placeholders() {
    }

    /** Whether {@code value} contains one of the well-known placeholder fragments, in any case. */
    public static boolean isPlaceholder(String value) {
        String lowered = value.toLowerCase(Locale.ROOT);
        return FRAGMENTS.stream().anyMatch(lowered::contains);
    }
}
