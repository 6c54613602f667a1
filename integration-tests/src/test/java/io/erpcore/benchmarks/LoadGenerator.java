package io.erpcore.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Drives one server with a list of prepared requests, each on kept-alive HTTP/1.1 connections of
 * {@link KeepAliveHttpClient}, in one of two ways:
 *
 * <ul>
 *   <li>{@link #closedLoop closed loop}: {@code connections} clients each send their next request as
 *       soon as the answer to the last one is in. Throughput is what the server sustains at that
 *       concurrency; each latency is one request's, from its send to its answer.
 *   <li>{@link #openLoop open loop}: requests are due at a constant rate from a start time, request
 *       {@code i} at {@code start + i / rate}, whatever the server does; a free connection sends the
 *       next one when it is due, or at once if it is already late. Latency is measured from when the
 *       request was due, not from when it was sent, so a server that stalls is charged for every
 *       request that waited behind the stall (no coordinated omission, as in wrk2).
 * </ul>
 *
 * A request counts as an error when its answer is not 200 or its connection fails (it is then
 * reopened). Latencies of answered requests go into an HdrHistogram in microseconds.
 */
final class LoadGenerator {

    /** What one phase measured: answered requests, errors, its length and the latency histogram (µs). */
    record Measurement(long completed, long errors, long unsent, long elapsedNanos, Histogram latencies) {

        double throughput() {
            return completed / (elapsedNanos / 1e9);
        }
    }

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);
    private static final long OPEN_LOOP_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private LoadGenerator() {
    }

    /** {@code connections} clients sending back to back for {@code duration}, request by request through {@code requests}. */
    static Measurement closedLoop(int port, List<byte[]> requests, int connections, Duration duration)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean recording = new AtomicBoolean(false);
        LongAdder completed = new LongAdder();
        LongAdder errors = new LongAdder();
        CountDownLatch connected = new CountDownLatch(connections);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            int offset = c * requests.size() / connections;
            Thread client = new Thread(() -> {
                Connection connection = new Connection(port);
                connection.open();
                connected.countDown();
                for (long i = offset; running.get(); i++) {
                    long sent = System.nanoTime();
                    boolean answered = connection.send(requests.get((int) (i % requests.size())));
                    long done = System.nanoTime();
                    if (recording.get()) {
                        count(answered, done - sent, histogram, completed, errors);
                    }
                }
                connection.close();
            }, "closed-loop-" + c);
            clients.add(client);
            client.start();
        }
        connected.await();
        long start = System.nanoTime();
        recording.set(true);
        Thread.sleep(duration.toMillis());
        recording.set(false);
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        return new Measurement(completed.sum(), errors.sum(), 0, elapsed, merge(histograms));
    }

    /**
     * {@code rate} requests per second for {@code duration}, due on a fixed schedule and sent by up
     * to {@code connections} clients; requests still unsent 10 s after the end are counted as unsent.
     */
    static Measurement openLoop(int port, List<byte[]> requests, int connections, double rate, Duration duration)
            throws InterruptedException {
        long total = (long) (rate * duration.toNanos() / 1e9);
        double interval = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        LongAdder completed = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder unsent = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(connections);
        long[] start = new long[1];
        CountDownLatch started = new CountDownLatch(1);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(histogram);
            Thread client = new Thread(() -> {
                Connection connection = new Connection(port);
                connection.open();
                connected.countDown();
                awaitQuietly(started);
                long giveUp = start[0] + duration.toNanos() + OPEN_LOOP_GRACE_NANOS;
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start[0] + (long) (i * interval);
                    parkUntil(due);
                    if (System.nanoTime() > giveUp) {
                        unsent.increment();
                        continue;
                    }
                    boolean answered = connection.send(requests.get((int) (i % requests.size())));
                    long done = System.nanoTime();
                    count(answered, done - due, histogram, completed, errors);
                    lastAnswer.accumulateAndGet(done, Math::max);
                }
                connection.close();
            }, "open-loop-" + c);
            clients.add(client);
            client.start();
        }
        connected.await();
        start[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        started.countDown();
        for (Thread client : clients) {
            client.join();
        }
        long elapsed = Math.max(lastAnswer.get(), start[0] + duration.toNanos()) - start[0];
        return new Measurement(completed.sum(), errors.sum(), unsent.sum(), elapsed, merge(histograms));
    }

    private static void count(boolean answered, long nanos, Histogram histogram, LongAdder completed, LongAdder errors) {
        if (answered) {
            histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
            completed.increment();
        } else {
            errors.increment();
        }
    }

    private static Histogram merge(List<Histogram> histograms) {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        return all;
    }

    private static void parkUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client's connection, reopened after a failure; a request on a broken one is an error. */
    private static final class Connection {

        private final int port;
        private KeepAliveHttpClient client;

        Connection(int port) {
            this.port = port;
        }

        void open() {
            try {
                client = new KeepAliveHttpClient(port, new byte[0]);
            } catch (IOException e) {
                client = null;
            }
        }

        /** Whether {@code request} was answered 200. */
        boolean send(byte[] request) {
            if (client == null) {
                open();
                if (client == null) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                    return false;
                }
            }
            try {
                return client.call(request) == 200;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        void close() {
            if (client != null) {
                try {
                    client.close();
                } catch (IOException e) {
                    // closing a connection that failed already
                }
                client = null;
            }
        }
    }
}
