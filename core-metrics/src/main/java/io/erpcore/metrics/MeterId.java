package io.erpcore.metrics;

import java.util.Objects;

/** The identity of one time series: a Prometheus metric name and its labels. */
public record MeterId(String name, Labels labels) {

    /** Refuses {@code null} parts; names are validated by the sink when it registers the meter. */
    public MeterId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
    }

    /** A meter without labels. */
    public static MeterId of(String name) {
        return new MeterId(name, Labels.of());
    }

    /** A meter with labels. */
    public static MeterId of(String name, Labels labels) {
        return new MeterId(name, labels);
    }

    @Override
    public String toString() {
        return name + labels;
    }
}
