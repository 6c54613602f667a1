package io.erpcore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Servers in one JVM loaded in turn by the same client threads, each on its own kept-alive
 * connection, for the same time per round; the first server is the baseline every other is
 * divided by, round by round.
 *
 * <p>Why not JMH forks alone: on a small machine one fork's throughput differs from the next by
 * more than the cost being measured, so servers measured in different forks cannot be compared.
 * Here every round measures each server for the same time, one after the other, the order
 * rotating so none always goes first, and the ratio is taken per round; the report gives each
 * server's median and the median of the per-round ratios.
 */
final class LoadRounds {

    /** One server under load: its name, port, request path and headers. */
    record Target(String name, int port, String path, String... headers) {
    }

    private LoadRounds() {
    }

    /** Measures every target for {@code phase} per round after two unrecorded warm-up rounds, and prints the report. */
    static Map<String, List<Double>> run(List<Target> targets, int rounds, Duration phase, int threads) throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        targets.forEach(target -> rates.put(target.name(), new ArrayList<>()));
        List<Target> order = new ArrayList<>(targets);
        for (int round = -2; round < rounds; round++) {
            for (Target target : order) {
                double rate = load(target, phase, threads);
                if (round >= 0) {
                    rates.get(target.name()).add(rate);
                }
            }
            Collections.rotate(order, 1);
        }
        report(rates, rounds, phase, threads);
        return rates;
    }

    /** Requests per second that {@code threads} clients complete against {@code target} during {@code phase}. */
    private static double load(Target target, Duration phase, int threads) throws Exception {
        LongAdder completed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch connected = new CountDownLatch(threads);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(() -> {
                try (KeepAliveHttpClient http = new KeepAliveHttpClient(target.port(), target.path(), target.headers())) {
                    connected.countDown();
                    while (running.get()) {
                        int status = http.call();
                        if (status != 200) {
                            throw new IllegalStateException(target.name() + " answered " + status + ", not 200");
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
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %10s%n", "server", "median", "min", "max");
        rates.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-26s %10.0f %10.0f %10.0f%n",
                name, median(values), values.stream().mapToDouble(v -> v).min().orElse(0),
                values.stream().mapToDouble(v -> v).max().orElse(0)));
        List<String> names = new ArrayList<>(rates.keySet());
        List<Double> baseline = rates.get(names.get(0));
        for (String name : names.subList(1, names.size())) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < baseline.size(); i++) {
                ratios.add(rates.get(name).get(i) / baseline.get(i));
            }
            System.out.printf(Locale.ROOT, "%s / %s: median of per-round ratios %.3f (min %.3f, max %.3f)%n", name,
                    names.get(0), median(ratios), ratios.stream().mapToDouble(v -> v).min().orElse(0),
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
