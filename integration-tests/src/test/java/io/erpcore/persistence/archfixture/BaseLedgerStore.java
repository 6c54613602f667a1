package io.erpcore.persistence.archfixture;

/** Fixture: an abstract class in a core, which adapters must not use as a port. */
public abstract class BaseLedgerStore {

    public abstract void append(String entry);
}
