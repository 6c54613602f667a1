package io.erpcore.logging;

/**
 * A change to the log context that {@link #close()} undoes, meant for try-with-resources.
 *
 * <p>Closing restores exactly what the scope replaced, so nested scopes closed in reverse order
 * (as try-with-resources does) unwind in LIFO order. Closing twice does nothing the second time.
 * A scope belongs to the thread that opened it and must be closed there.
 */
public interface LogScope extends AutoCloseable {

    /** Restores the values this scope replaced; never throws a checked exception. */
    @Override
    void close();
}
