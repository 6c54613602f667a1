/**
 * Metrics as a port, free of any metrics backend.
 *
 * <p>Will hold the {@code MetricsSink} port, the {@code Metrics} facade of the specification
 * (counters, gauges, histograms, timers, business metrics, request and database recording), the
 * catalogue of metric names and the label policy that caps tenant cardinality.
 */
package io.erpcore.metrics;
