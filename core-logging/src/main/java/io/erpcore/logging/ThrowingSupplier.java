package io.erpcore.logging;

/** Work that returns a value and may throw the caller's checked exception {@code E}. */
@FunctionalInterface
public interface ThrowingSupplier<T, E extends Exception> {

    /** Does the work. */
    T get() throws E;
}
