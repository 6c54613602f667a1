package io.erpcore.metrics;

/** A registered histogram: counts values into buckets and keeps their count and sum. */
@FunctionalInterface
public interface HistogramMeter {

    /** Records one value in the unit of the metric's name; negative and NaN values are ignored. */
    void record(double value);
}
