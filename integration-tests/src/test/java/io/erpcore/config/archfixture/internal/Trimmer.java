package io.erpcore.config.archfixture.internal;

/** Fixture: an internal helper of the config module. */
public final class Trimmer {

    private Trimmer() {
    }

    public static String trim(String raw) {
        return raw.strip();
    }
}
