package io.erpcore.adapter.micrometer.archfixture;

import io.erpcore.metrics.archfixture.CountingMeter;

/** Violates: an adapter extending a concrete core class as its port. */
public final class MicrometerCountingMeter extends CountingMeter {

    @Override
    public void increment() {
        super.increment();
    }
}
