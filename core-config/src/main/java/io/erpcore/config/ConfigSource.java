package io.erpcore.config;

import java.util.Optional;
import java.util.Set;

/**
 * A read-only source of configuration values, looked up by variable name ({@code PORT},
 * {@code DATABASE_URL}).
 *
 * <p>Contract: lookups are cheap, never block on I/O (a source reads its file or map once, when
 * it is created) and may be called from any thread. A blank value counts as absent, so an
 * {@code .env} line {@code SMTP_HOST=} leaves the default in place. Implementations never log or
 * render values: they may be secrets.
 */
public interface ConfigSource {

    /** A short name shown to operators as the origin of a value: {@code environment}, {@code .env}. */
    String name();

    /** The raw value of {@code key}, if this source has a non-blank one. */
    Optional<String> get(String key);

    /** Every key this source holds; used to discover {@code FEATURE_*} flags and misspelt names. */
    Set<String> keys();

    /**
     * Whether this source also serves other programs (the process environment, system
     * properties), so keys we do not know are none of our business. A dedicated source, such as
     * an {@code .env} file or the command line, reports unknown keys as likely typos.
     */
    default boolean sharedWithOtherPrograms() {
        return false;
    }

    /** The value together with the name of the source that supplied it. */
    default Optional<ConfigValue> lookup(String key) {
        return get(key).map(raw -> new ConfigValue(key, raw, name()));
    }
}
