package io.erpcore.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.micrometer.ScrapedMetrics.Sample;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

    private static final String ROUTE = "/api/v1/users/{id}";
    private static final int CAP = 50;

    private final MicrometerMetricsSink sink = MicrometerMetricsSink.prometheus();
    private final Metrics metrics = Metrics.create(sink, TenantLabelPolicy.capped(CAP));

    @AfterEach
    void closeSink() {
        sink.close();
    }

    @Test
    void a_request_is_exported_as_the_seeds_counter_line() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");

        assertThat(sink.scrape()).contains("\n# TYPE http_requests_total counter\n")
                .contains("\nhttp_requests_total{method=\"GET\",path=\"/api/v1/users/{id}\",status_code=\"200\",tenant=\"t1\"} 1.0\n");
    }

    @Test
    void requests_and_errors_are_counters_with_method_path_status_code_and_tenant() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");
        metrics.recordRequest("GET", ROUTE, 500, 40, "t1");

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.type("http_requests_total")).isEqualTo("counter");
        assertThat(scraped.type("http_errors_total")).isEqualTo("counter");
        assertThat(scraped.value("http_requests_total", requestLabels("500"))).isEqualTo(1.0);
        assertThat(scraped.samples("http_errors_total")).extracting(Sample::labels).containsExactly(requestLabels("500"));
        assertThat(scraped.value("http_errors_total", requestLabels("500"))).isEqualTo(1.0);
    }

    @Test
    void request_durations_are_a_millisecond_histogram_with_the_default_buckets() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.type("http_request_duration_ms")).isEqualTo("histogram");
        assertThat(scraped.samples("http_request_duration_ms_bucket")).extracting(sample -> sample.labels().get("le"))
                .containsExactly("5.0", "10.0", "25.0", "50.0", "100.0", "250.0", "500.0", "1000.0", "2500.0",
                        "5000.0", "10000.0", "+Inf");
        assertThat(scraped.value("http_request_duration_ms_bucket", bucket("10.0"))).isEqualTo(0);
        assertThat(scraped.value("http_request_duration_ms_bucket", bucket("25.0"))).isEqualTo(1);
        assertThat(scraped.value("http_request_duration_ms_bucket", bucket("+Inf"))).isEqualTo(1);
        assertThat(scraped.value("http_request_duration_ms_sum", Map.of("method", "GET", "path", ROUTE))).isEqualTo(12.5);
        assertThat(scraped.value("http_request_duration_ms_count", Map.of("method", "GET", "path", ROUTE))).isEqualTo(1);
    }

    @Test
    void request_durations_carry_no_tenant_label() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");
        metrics.recordRequest("GET", ROUTE, 200, 2.5, "t2");

        ScrapedMetrics scraped = scrape();
        for (String series : new String[] {"_bucket", "_sum", "_count"}) {
            assertThat(scraped.samples("http_request_duration_ms" + series))
                    .allSatisfy(sample -> assertThat(sample.labels()).doesNotContainKey("tenant"));
        }
        assertThat(scraped.value("http_request_duration_ms_count", Map.of("method", "GET", "path", ROUTE))).isEqualTo(2);
    }

    @Test
    void micrometer_adds_a_max_gauge_next_to_each_histogram() {
        metrics.recordRequest("GET", ROUTE, 200, 12.5, "t1");

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.type("http_request_duration_ms_max")).isEqualTo("gauge");
        assertThat(scraped.value("http_request_duration_ms_max", Map.of("method", "GET", "path", ROUTE))).isEqualTo(12.5);
    }

    @Test
    void database_operations_are_a_counter_and_a_histogram() {
        metrics.recordDatabase("select", "users", 4.5, true, "t1");

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.type("db_operations_total")).isEqualTo("counter");
        assertThat(scraped.value("db_operations_total",
                Map.of("operation", "select", "table", "users", "success", "true", "tenant", "t1"))).isEqualTo(1.0);
        assertThat(scraped.type("db_operation_duration_ms")).isEqualTo("histogram");
        assertThat(scraped.value("db_operation_duration_ms_sum", Map.of("operation", "select", "table", "users")))
                .isEqualTo(4.5);
    }

    @Test
    void a_business_metric_is_a_counter_with_category_unit_and_tenant() {
        metrics.business("revenue", 1500.0, "financial", "USD", Map.of("tenantId", "t1", "invoiceId", "inv-9"));

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.type("business_revenue_total")).isEqualTo("counter");
        assertThat(scraped.samples("business_revenue_total")).extracting(Sample::labels)
                .containsExactly(Map.of("category", "financial", "unit", "USD", "tenant", "t1"));
        assertThat(scraped.value("business_revenue_total", Map.of("category", "financial", "unit", "USD", "tenant", "t1")))
                .isEqualTo(1500.0);
    }

    @Test
    void facade_counters_gauges_and_histograms_keep_their_exact_names() {
        metrics.counter("user_signups", 2, Map.of("plan", "pro"));
        metrics.counter("jobs_total", 1);
        metrics.gauge("active_connections", 45);
        metrics.histogram("render_duration_ms", 30);

        ScrapedMetrics scraped = scrape();
        assertThat(scraped.value("user_signups_total", Map.of("plan", "pro"))).isEqualTo(2.0);
        assertThat(scraped.type("jobs_total")).isEqualTo("counter");
        assertThat(scraped.value("active_connections", Map.of())).isEqualTo(45.0);
        assertThat(scraped.type("render_duration_ms")).isEqualTo("histogram");
        assertThat(scraped.families()).noneMatch(family -> family.endsWith("_total_total"));
    }

    @Test
    void jvm_and_process_metrics_are_exported() {
        Set<String> families = scrape().families();

        assertThat(families).contains("jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds");
        assertThat(families).anyMatch(family -> family.startsWith("jvm_gc_"));
        assertThat(families).anyMatch(family -> family.startsWith("jvm_threads_"));
        assertThat(families).anyMatch(family -> family.startsWith("jvm_classes_loaded"));
    }

    @Test
    void ten_thousand_tenants_export_at_most_cap_plus_one_tenant_values() {
        for (int i = 0; i < 10_000; i++) {
            metrics.recordRequest("GET", ROUTE, 200, 1, "tenant-" + i);
        }

        Set<String> tenants = scrape().samples("http_requests_total").stream()
                .map(sample -> sample.labels().get("tenant")).collect(Collectors.toSet());
        assertThat(tenants).hasSizeLessThanOrEqualTo(CAP + 1).contains("other");
        assertThat(scrape().value("http_requests_total", Map.of("method", "GET", "path", ROUTE,
                "status_code", "200", "tenant", "other"))).isEqualTo(10_000 - CAP);
    }

    private ScrapedMetrics scrape() {
        return ScrapedMetrics.parse(sink.scrape());
    }

    private static Map<String, String> requestLabels(String statusCode) {
        return Map.of("method", "GET", "path", ROUTE, "status_code", statusCode, "tenant", "t1");
    }

    private static Map<String, String> bucket(String le) {
        return Map.of("method", "GET", "path", ROUTE, "le", le);
    }
}
