/**
 * Metrics for Prometheus through Micrometer: {@link io.erpcore.adapter.micrometer.MicrometerMetricsSink}
 * implements the {@code MetricsSink} port of {@code core-metrics} over a
 * {@code PrometheusMeterRegistry}, binds the JVM and process metrics, and renders the text served
 * at {@code /metrics}.
 */
package io.erpcore.adapter.micrometer;
