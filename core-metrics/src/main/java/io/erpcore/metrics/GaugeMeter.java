package io.erpcore.metrics;

/** A registered gauge: a value that is set, such as a number of open connections. */
@FunctionalInterface
public interface GaugeMeter {

    /** Replaces the current value. */
    void set(double value);
}
