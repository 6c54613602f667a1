package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsBusinessTest {

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(3));

    @Test
    void a_business_metric_is_a_prefixed_counter_with_category_unit_and_tenant() {
        metrics.business("revenue", 1500.0, "financial", "USD", Map.of("tenantId", "t1"));
        metrics.business("revenue", 500.0, "financial", "USD", Map.of("tenantId", "t1"));

        assertThat(sink.counterValue(MeterId.of("business_revenue_total",
                Labels.of("category", "financial", "unit", "USD", "tenant", "t1")))).isEqualTo(2000.0);
    }

    @Test
    void without_unit_or_tenant_the_labels_are_none() {
        metrics.business("user_signup", 1, "acquisition");

        assertThat(sink.meters()).containsExactly(MeterId.of("business_user_signup_total",
                Labels.of("category", "acquisition", "unit", "none", "tenant", "none")));
    }

    @Test
    void metadata_other_than_the_tenant_never_becomes_a_label() {
        metrics.business("orders", 1, "sales", "count",
                Map.of("tenantId", "t1", "orderId", "o-123", "customer", "c-9"));
        metrics.business("orders", 1, "sales", "count",
                Map.of("tenantId", "t1", "orderId", "o-124", "customer", "c-7"));

        assertThat(sink.meters()).containsExactly(MeterId.of("business_orders_total",
                Labels.of("category", "sales", "unit", "count", "tenant", "t1")));
    }

    @Test
    void business_tenants_obey_the_cap() {
        for (int i = 0; i < 10; i++) {
            metrics.business("orders", 1, "sales", null, Map.of("tenantId", "t" + i));
        }

        assertThat(sink.meters("business_orders_total")).extracting(id -> id.labels().get("tenant"))
                .containsExactlyInAnyOrder("t0", "t1", "t2", "other");
    }

    @Test
    void a_name_already_ending_in_total_is_not_suffixed_twice() {
        metrics.business("refunds_total", 2, "financial");

        assertThat(sink.meters()).extracting(MeterId::name).containsExactly("business_refunds_total");
    }
}
