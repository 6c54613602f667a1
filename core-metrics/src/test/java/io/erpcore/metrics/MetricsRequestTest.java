package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricsRequestTest {

    private static final int CAP = 100;
    private static final String ROUTE = "/api/v1/users/{id}";

    private final InMemoryMetricsSink sink = InMemoryMetricsSink.create();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(CAP));

    @Test
    void a_request_is_counted_with_method_path_status_and_tenant() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");
        metrics.recordRequest("GET", ROUTE, 200, 7.5, "t1");

        assertThat(sink.counterValue(MeterId.of("http_requests_total",
                Labels.of("method", "GET", "path", ROUTE, "status_code", "200", "tenant", "t1")))).isEqualTo(2);
    }

    @Test
    void a_request_duration_goes_into_a_histogram_without_tenant() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");
        metrics.recordRequest("GET", ROUTE, 200, 7.5, "t2");

        MeterId id = MeterId.of("http_request_duration_ms", Labels.of("method", "GET", "path", ROUTE));
        assertThat(sink.meters("http_request_duration_ms")).containsExactly(id);
        assertThat(sink.histogramCount(id)).isEqualTo(2);
        assertThat(sink.histogramSum(id)).isEqualTo(20.0);
    }

    @Test
    void a_status_of_400_or_more_is_also_counted_as_an_error() {
        metrics.recordRequest("POST", "/api/v1/users", 400, 3, "t1");
        metrics.recordRequest("POST", "/api/v1/users", 500, 3, "t1");

        assertThat(sink.meters("http_errors_total")).containsExactlyInAnyOrder(
                MeterId.of("http_errors_total", Labels.of("method", "POST", "path", "/api/v1/users",
                        "status_code", "400", "tenant", "t1")),
                MeterId.of("http_errors_total", Labels.of("method", "POST", "path", "/api/v1/users",
                        "status_code", "500", "tenant", "t1")));
    }

    @Test
    void a_status_below_400_is_not_an_error() {
        metrics.recordRequest("GET", ROUTE, 200, 1, "t1");
        metrics.recordRequest("GET", ROUTE, 304, 1, "t1");
        metrics.recordRequest("GET", ROUTE, 399, 1, "t1");

        assertThat(sink.meters("http_errors_total")).isEmpty();
    }

    @Test
    void a_request_without_tenant_carries_none() {
        metrics.recordRequest("GET", "/health", 200, 1, null);

        assertThat(tenantLabels("http_requests_total")).containsExactly("none");
    }

    @Test
    void an_unknown_http_method_is_counted_as_other() {
        metrics.recordRequest("BREW", ROUTE, 405, 1, "t1");
        metrics.recordRequest("get", ROUTE, 200, 1, "t1");

        assertThat(sink.meters("http_requests_total")).extracting(id -> id.labels().get("method"))
                .containsExactlyInAnyOrder("OTHER", "GET");
    }

    @Test
    void ten_thousand_tenants_make_at_most_cap_plus_one_tenant_labels() {
        for (int i = 0; i < 10_000; i++) {
            metrics.recordRequest("GET", ROUTE, 200, 1, "tenant-" + i);
        }

        Set<String> tenants = tenantLabels("http_requests_total");
        assertThat(tenants).hasSize(CAP + 1).contains("other", "tenant-0", "tenant-99").doesNotContain("tenant-100");
        assertThat(sink.counterValue(MeterId.of("http_requests_total",
                Labels.of("method", "GET", "path", ROUTE, "status_code", "200", "tenant", "other")))).isEqualTo(9_900);
    }

    @Test
    void a_database_operation_is_counted_and_timed() {
        metrics.recordDatabase("select", "users", 4.5, true, "t1");
        metrics.recordDatabase("select", "users", 1.5, false, null);

        assertThat(sink.meters("db_operations_total")).containsExactlyInAnyOrder(
                MeterId.of("db_operations_total", Labels.of("operation", "select", "table", "users",
                        "success", "true", "tenant", "t1")),
                MeterId.of("db_operations_total", Labels.of("operation", "select", "table", "users",
                        "success", "false", "tenant", "none")));
        MeterId duration = MeterId.of("db_operation_duration_ms", Labels.of("operation", "select", "table", "users"));
        assertThat(sink.histogramSum(duration)).isEqualTo(6.0);
    }

    private Set<String> tenantLabels(String name) {
        return sink.meters(name).stream().map(id -> id.labels().get("tenant")).collect(Collectors.toSet());
    }
}
