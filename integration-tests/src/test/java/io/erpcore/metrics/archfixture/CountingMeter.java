package io.erpcore.metrics.archfixture;

/** Fixture: a concrete, extensible class in a core, which adapters must not use as a port. */
public class CountingMeter {

    private long count;

    public void increment() {
        count++;
    }

    public long count() {
        return count;
    }
}
