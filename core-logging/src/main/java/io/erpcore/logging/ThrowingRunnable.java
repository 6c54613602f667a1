package io.erpcore.logging;

/** Work without a result that may throw the caller's checked exception {@code E}. */
@FunctionalInterface
public interface ThrowingRunnable<E extends Exception> {

    /** Does the work. */
    void run() throws E;
}
