package io.erpcore.persistence;

/**
 * Work that runs inside a database scope, given the scope's handle; the caller's checked
 * exception passes through unchanged.
 *
 * @param <H> the handle type of the adapter, such as JDBI's {@code Handle}
 */
@FunctionalInterface
public interface ScopedWork<H, T, E extends Exception> {

    T run(H handle) throws E;
}
