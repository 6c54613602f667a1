package io.erpcore.adapter.jdbi.archfixture;

/** Fixture: an adapter helper that implements no port, so needs no technology in its name. */
public final class SqlStatements {

    public static final String INSERT_ENTRY = "insert into ledger(entry) values (?)";

    private SqlStatements() {
    }
}
