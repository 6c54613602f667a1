package io.erpcore.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** The Prometheus endpoint and the cap on tenant label values. */
public record MetricsConfig(
        @Variable("METRICS_ENABLED") boolean enabled,
        @Variable("METRICS_TOKEN")
        Optional<@StrongSecret(minBytes = 32, groups = OutsideDevelopment.class) Secret> token,
        @Variable("METRICS_TENANT_LABEL_CAP") @Min(0) @Max(10_000) int tenantLabelCap) {
}
