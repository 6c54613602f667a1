package io.erpcore.config.archfixture.internal;

import io.erpcore.config.archfixture.Region;

/** Violates: an internal helper that needs its owner's API type, closing a cycle with its owner. */
public final class RegionParser {

    private RegionParser() {
    }

    public static Region parse(String raw) {
        return new Region(Trimmer.trim(raw));
    }
}
