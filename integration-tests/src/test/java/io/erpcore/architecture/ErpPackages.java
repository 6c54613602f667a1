package io.erpcore.architecture;

import java.util.Optional;

/**
 * Where each part of ERP Core lives, written once so the rules and their conditions cannot
 * disagree about what counts as a core, an adapter or a module.
 */
final class ErpPackages {

    static final String ROOT = "io.erpcore";

    static final String CONFIG = "io.erpcore.config..";
    static final String LOGGING = "io.erpcore.logging..";
    static final String METRICS = "io.erpcore.metrics..";
    static final String TENANCY = "io.erpcore.tenancy..";
    static final String SECURITY = "io.erpcore.security..";
    static final String PERSISTENCE = "io.erpcore.persistence..";
    static final String ADAPTERS = "io.erpcore.adapter..";
    static final String HOST = "io.erpcore.host..";

    static final String[] CORES = {CONFIG, LOGGING, METRICS, TENANCY, SECURITY, PERSISTENCE};

    static final String ADAPTER_PACKAGE = "io.erpcore.adapter";

    private static final String INTERNAL_SEGMENT = "internal";

    private ErpPackages() {
    }

    /**
     * The module root of a package, {@code io.erpcore.config} for {@code io.erpcore.config.internal}.
     * Every adapter technology shares {@code io.erpcore.adapter}, because they ship as one module.
     */
    static Optional<String> moduleRootOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String belowRoot = packageName.substring(ROOT.length() + 1);
        int dot = belowRoot.indexOf('.');
        return Optional.of(ROOT + "." + (dot < 0 ? belowRoot : belowRoot.substring(0, dot)));
    }

    /** Whether a package is, or lies below, an {@code internal} package of one of our modules. */
    static boolean isInternal(String packageName) {
        return moduleRootOf(packageName)
                .map(root -> packageName.substring(root.length()))
                .map(belowModule -> (belowModule + ".").contains("." + INTERNAL_SEGMENT + "."))
                .orElse(false);
    }

    /** The technology segment of an adapter package: {@code jdbi} for {@code io.erpcore.adapter.jdbi.sql}. */
    static Optional<String> technologyOf(String packageName) {
        if (!packageName.startsWith(ADAPTER_PACKAGE + ".")) {
            return Optional.empty();
        }
        String belowAdapters = packageName.substring(ADAPTER_PACKAGE.length() + 1);
        int dot = belowAdapters.indexOf('.');
        return Optional.of(dot < 0 ? belowAdapters : belowAdapters.substring(0, dot));
    }
}
