package io.erpcore.config.archfixture;

import io.erpcore.config.archfixture.internal.RegionParser;

/** Violates: public API that delegates to its internal package, which in turn returns this API type. */
public record Region(String code) {

    public static Region of(String raw) {
        return RegionParser.parse(raw);
    }
}
