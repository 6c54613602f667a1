package io.erpcore.config;

import java.util.Locale;
import java.util.Map;

/** The {@code FEATURE_*} switches, keyed by the name after the prefix. */
public record FeatureFlags(Map<String, Boolean> flags) {

    public FeatureFlags {
        flags = Map.copyOf(flags);
    }

    /** Whether {@code FEATURE_<name>} is true; an unknown flag is off. */
    public boolean isEnabled(String name) {
        return flags.getOrDefault(name.toUpperCase(Locale.ROOT), false);
    }
}
