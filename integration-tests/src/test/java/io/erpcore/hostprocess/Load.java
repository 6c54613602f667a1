package io.erpcore.hostprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Client threads sending one request over and over, each on the heels of its last answer (with an
 * optional pause), recording every answer: when it was sent and answered, its status, its problem
 * code and {@code Retry-After}, or the failure that took its place. Start it, let a fault happen,
 * stop it, then read the answers.
 */
final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;
    private final Duration pause;
    private final ExecutorService threads;
    private final int clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

    private Load(HttpRequest request, int clients, Duration pause) {
        this.request = request;
        this.clients = clients;
        this.pause = pause;
        this.threads = Executors.newFixedThreadPool(clients);
    }

    /** The milliseconds between two {@code System.nanoTime()} readings, as the reliability figures report them. */
    static double millisBetween(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    /** Starts {@code clients} threads sending {@code request} (whose own timeout bounds each wait), pausing {@code pause} between. */
    static Load start(HttpRequest request, int clients, Duration pause) {
        Load load = new Load(request, clients, pause);
        for (int i = 0; i < clients; i++) {
            load.threads.submit(load::send);
        }
        return load;
    }

    /** Stops sending and waits for the answers still outstanding (each bounded by the request's timeout). */
    Load stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        Duration wait = request.timeout().orElse(Duration.ofSeconds(30)).plusSeconds(5);
        if (!threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
            throw new AssertionError("the " + clients + " clients of " + request.uri() + " did not finish within " + wait);
        }
        return this;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The answers that match {@code filter}, in no particular order. */
    List<Answer> answers(Predicate<Answer> filter) {
        return answers.stream().filter(filter).toList();
    }

    /** The first answer, by the time it arrived, that matches {@code filter}. */
    Optional<Answer> first(Predicate<Answer> filter) {
        return answers.stream().filter(filter).min((a, b) -> Long.compare(a.answered(), b.answered()));
    }

    private void send() {
        while (running.get()) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(sent, System.nanoTime(), response.statusCode(), problemCode(response),
                        response.headers().firstValue("Retry-After").orElse(null),
                        response.headers().firstValue("RateLimit-Remaining").map(Long::valueOf).orElse(null), null));
            } catch (IOException e) {
                answers.add(new Answer(sent, System.nanoTime(), 0, null, null, null, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String problemCode(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(response.body()).get("code");
            return code == null ? null : code.asText();
        } catch (IOException e) {
            return "(unreadable problem: " + response.body() + ")";
        }
    }

    /**
     * One request's outcome; times are {@link System#nanoTime()}.
     *
     * @param status the HTTP status, 0 when {@code failure} took the answer's place
     * @param code the problem's {@code code}, or null when the answer is not a problem
     * @param rateLimitRemaining the {@code RateLimit-Remaining} header, or null
     */
    record Answer(long sent, long answered, int status, String code, String retryAfter, Long rateLimitRemaining,
            Throwable failure) {

        /** How long the answer took, in milliseconds. */
        double millis() {
            return (answered - sent) / 1e6;
        }

        @Override
        public String toString() {
            return failure != null ? failure.toString() : status + (code == null ? "" : " " + code)
                    + (retryAfter == null ? "" : " Retry-After " + retryAfter) + " in " + Math.round(millis()) + " ms";
        }
    }
}
