package io.erpcore.benchmarks;

import io.erpcore.adapter.http.JavalinApplication;
import io.erpcore.adapter.micrometer.MicrometerMetricsSink;
import io.erpcore.config.AppConfig;
import io.erpcore.metrics.Metrics;
import io.erpcore.adapter.http.RouteAccess;
import io.erpcore.adapter.http.TestApplications;
import io.erpcore.adapter.http.TestAuthenticator;
import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load harness for the chain's cost: one tenant route behind the whole chain, the same route
 * behind the chain without its limits, and the same handler on a bare Javalin, all in this JVM,
 * loaded in turn by the same client threads, each on its own kept-alive connection per server.
 * The request log line is filtered out by the test logging configuration (level WARN); what a
 * written line costs is {@code LoggingBenchmark}'s to measure.
 *
 * <p>Why not JMH forks alone: on a small machine one fork's throughput differs from the next by
 * more than the chain costs, so servers measured in different forks cannot be compared. Here every
 * round measures each server for the same time, one after the other in one JVM, and the ratio is
 * taken per round; the harness prints each server's median and the median of the per-round ratios.
 *
 * <p>Arguments: {@code [rounds] [seconds per server per round] [client threads]}, default 10 3 4.
 */
public final class HttpChainLoad {

    private static final String PATH = "/api/v1/items/{id}";
    private static final String BODY = "{\"id\":\"42\",\"name\":\"Widget\"}";
    private static final String ORIGIN = "https://app.example.com";

    private HttpChainLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Duration phase = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Tenant tenant = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
        JavalinApplication chained = chain(tenant, true);
        JavalinApplication withoutLimits = chain(tenant, false);
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(PATH, ctx -> ctx.contentType("application/json").result(BODY));
        }).start("127.0.0.1", 0);
        Map<String, Integer> servers = new LinkedHashMap<>();
        servers.put("bare Javalin", bare.port());
        servers.put("whole chain", chained.port());
        servers.put("chain without limits", withoutLimits.port());
        String[] headers = {"Authorization", TestAuthenticator.header("u1", tenant.id().toString(), "items:read"),
                "Origin", ORIGIN, "Accept", "application/json"};
        try {
            Map<String, List<Double>> rates = measure(servers, headers, rounds, phase, threads);
            report(rates, rounds, phase, threads);
        } finally {
            chained.stop();
            withoutLimits.stop();
            bare.stop();
        }
    }

    /** The chain as the host runs it (Prometheus metrics), with limits that count but never refuse. */
    private static JavalinApplication chain(Tenant tenant, boolean limits) {
        AppConfig config = TestApplications.config(Map.of("RATE_LIMIT_MAX", "2000000000",
                "TENANT_RATE_LIMIT_MAX", "2000000000", "SPEED_LIMIT_DELAY_AFTER", "2000000000", "CORS_ORIGINS", ORIGIN));
        return JavalinApplication.builder(config, Metrics.create(MicrometerMetricsSink.prometheus(), config.metricsConfig()))
                .rateLimit(limits)
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(tenant))
                .routes(routes -> routes.get(PATH, RouteAccess.tenant("items:read"),
                        ctx -> ctx.contentType("application/json").result(BODY)))
                .build().start();
    }

    private static Map<String, List<Double>> measure(Map<String, Integer> servers, String[] headers, int rounds,
            Duration phase, int threads) throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        servers.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(servers.keySet());
        // Warm-up: two rounds, not recorded, so that every server's code is compiled before measuring.
        for (int round = -2; round < rounds; round++) {
            for (String name : order) {
                double rate = load(servers.get(name), headers, phase, threads);
                if (round >= 0) {
                    rates.get(name).add(rate);
                }
            }
            java.util.Collections.rotate(order, 1); // no server always goes first
        }
        return rates;
    }

    /** Requests per second that {@code threads} clients complete against {@code port} during {@code phase}. */
    private static double load(int port, String[] headers, Duration phase, int threads) throws Exception {
        LongAdder completed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch connected = new CountDownLatch(threads);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(() -> {
                try (KeepAliveHttpClient http = new KeepAliveHttpClient(port, "/api/v1/items/42", headers)) {
                    connected.countDown();
                    while (running.get()) {
                        if (http.call() != 200) {
                            throw new IllegalStateException("a request was not answered 200");
                        }
                        completed.increment();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "load-" + i);
            clients.add(client);
            client.start();
        }
        connected.await();
        long start = System.nanoTime();
        long before = completed.sum();
        Thread.sleep(phase.toMillis());
        long done = completed.sum() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        return done / seconds;
    }

    private static void report(Map<String, List<Double>> rates, int rounds, Duration phase, int threads) {
        System.out.printf(Locale.ROOT, "%d rounds of %d s per server, %d client threads, requests per second:%n",
                rounds, phase.toSeconds(), threads);
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "server", "median", "min", "max");
        rates.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-22s %10.0f %10.0f %10.0f%n",
                name, median(values), values.stream().mapToDouble(v -> v).min().orElse(0),
                values.stream().mapToDouble(v -> v).max().orElse(0)));
        List<Double> bare = rates.get("bare Javalin");
        for (String name : List.of("whole chain", "chain without limits")) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < bare.size(); i++) {
                ratios.add(rates.get(name).get(i) / bare.get(i));
            }
            System.out.printf(Locale.ROOT, "%s / bare: median of per-round ratios %.3f (min %.3f, max %.3f)%n", name,
                    median(ratios), ratios.stream().mapToDouble(v -> v).min().orElse(0),
                    ratios.stream().mapToDouble(v -> v).max().orElse(0));
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(v -> v).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
