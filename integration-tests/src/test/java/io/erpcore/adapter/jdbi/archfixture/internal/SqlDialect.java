package io.erpcore.adapter.jdbi.archfixture.internal;

/** Fixture: an internal helper of the adapter module, inside the jdbi technology. */
public final class SqlDialect {

    private SqlDialect() {
    }

    public static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
