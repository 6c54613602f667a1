package io.erpcore.benchmarks;

import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The call the HTTP chain makes on every request, {@code recordRequest(...)}, through the facade
 * into the Prometheus registry: label sanitising, the tenant cap, the meter lookups, a counter and
 * a histogram (and a second counter for errors).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmark {

    private static final int TENANTS = 64;

    private MicrometerMetricsSink sink;
    private Metrics metrics;
    private final String[] tenants = new String[TENANTS];

    @Setup(Level.Trial)
    public void start() {
        sink = MicrometerMetricsSink.prometheus();
        metrics = Metrics.create(sink, TenantLabelPolicy.capped(100));
        for (int i = 0; i < TENANTS; i++) {
            tenants[i] = UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString();
        }
    }

    /** One request of a rotating set of tenants, the common case. */
    @State(Scope.Thread)
    public static class Request {
        int next;

        String tenant(String[] tenants) {
            return tenants[next++ & (TENANTS - 1)];
        }
    }

    @Benchmark
    public void recordRequest(Request request) {
        metrics.recordRequest("GET", "/api/v1/users/{id}", 200, 12.5, request.tenant(tenants));
    }

    @Benchmark
    public void recordFailedRequest(Request request) {
        metrics.recordRequest("POST", "/api/v1/users", 500, 40.0, request.tenant(tenants));
    }

    @TearDown(Level.Trial)
    public void stop() {
        sink.close();
    }
}
