package io.erpcore.config;

/**
 * One raw value and the source that supplied it, so that errors and the effective-configuration
 * report can say where a value came from.
 */
public record ConfigValue(String key, String raw, String source) {

    @Override
    public String toString() {
        // The raw text may be a secret: only the key and the source are safe to print.
        return key + " (from " + source + ")";
    }
}
