package io.erpcore.metrics;

/** A registered counter: a value that only goes up. */
@FunctionalInterface
public interface CounterMeter {

    /** Adds {@code amount}; amounts that are not positive (zero, negative, NaN) are ignored. */
    void increment(double amount);
}
