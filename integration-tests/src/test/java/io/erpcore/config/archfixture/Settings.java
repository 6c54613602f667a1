package io.erpcore.config.archfixture;

import io.erpcore.config.archfixture.internal.Trimmer;

/** Fixture: a config type that uses its own module's internals, as it may. */
public record Settings(String region) {

    public static Settings parse(String raw) {
        return new Settings(Trimmer.trim(raw));
    }
}
