package io.erpcore.metrics;

/**
 * A running timer from {@link Metrics#startTimer}. Stopping it records the elapsed milliseconds
 * once; stopping it again records nothing and returns the same duration, so a stop in a
 * {@code finally} block after an explicit stop is harmless. Thread-safe.
 */
public final class TimerHandle {

    private final String name;
    private final HistogramMeter histogram;
    private final long startNanos;
    private double elapsedMs = Double.NaN; // guarded by this; NaN while running

    TimerHandle(String name, HistogramMeter histogram, long startNanos) {
        this.name = name;
        this.histogram = histogram;
        this.startNanos = startNanos;
    }

    synchronized double stop(long nowNanos) {
        if (Double.isNaN(elapsedMs)) {
            elapsedMs = (nowNanos - startNanos) / 1_000_000.0;
            histogram.record(elapsedMs);
        }
        return elapsedMs;
    }

    @Override
    public synchronized String toString() {
        return "TimerHandle[" + name + (Double.isNaN(elapsedMs) ? ", running]" : ", " + elapsedMs + " ms]");
    }
}
