/**
 * Metrics as a port, free of any metrics backend.
 *
 * <p>{@link io.erpcore.metrics.Metrics} is the API services call: the specification's counters,
 * gauges, histograms, timers and business metrics, and {@code recordRequest} /
 * {@code recordDatabase} for the built-in series named in {@link io.erpcore.metrics.MetricNames}.
 * It writes into a {@link io.erpcore.metrics.MetricsSink}, the port a backend implements
 * ({@code MicrometerMetricsSink} in {@code adapter-http}; {@link io.erpcore.metrics.InMemoryMetricsSink}
 * for tests), addressing each series by a {@link io.erpcore.metrics.MeterId}: an exact Prometheus
 * name and {@link io.erpcore.metrics.Labels}.
 *
 * <p>Cardinality is bounded here, before any backend sees a label:
 * {@link io.erpcore.metrics.TenantLabelPolicy} caps the distinct {@code tenant} values
 * ({@code METRICS_TENANT_LABEL_CAP}; beyond it {@code other}, without a tenant {@code none}),
 * {@link io.erpcore.metrics.LabelValues} folds unknown HTTP methods into {@code OTHER} and bounds
 * every value, paths are route templates, histograms carry no tenant, and business metadata is
 * logged rather than labelled.
 */
package io.erpcore.metrics;
