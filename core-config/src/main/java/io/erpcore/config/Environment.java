package io.erpcore.config;

import java.util.Locale;

/**
 * Where the process runs. Development is forgiving (defaults, generated secrets, embedded
 * database); staging and production require every secret and refuse weak ones.
 */
public enum Environment {
    DEVELOPMENT,
    STAGING,
    PRODUCTION;

    /** The value as written in {@code APP_ENV}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDevelopment() {
        return this == DEVELOPMENT;
    }
}
