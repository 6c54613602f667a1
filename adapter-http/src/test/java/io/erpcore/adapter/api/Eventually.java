package io.erpcore.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Polling for changes that the design lets take a while, such as the 5 s status cache. */
final class Eventually {

    /** The design promises 5 s; a second more absorbs the polling and a slow machine. */
    static final Duration WITHIN_STATUS_CACHE = Duration.ofSeconds(6);

    private static final Duration PAUSE = Duration.ofMillis(200);

    private Eventually() {
    }

    /** Sends {@code request} until it is no longer a 200, for at most {@code within}; the first refusal. */
    static HttpResponse<String> refused(Duration within, Supplier<HttpResponse<String>> request) {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> answer = request.get();
        while (answer.statusCode() == 200 && System.nanoTime() < deadline) {
            pause();
            answer = request.get();
        }
        assertThat(answer.statusCode()).as("still answered 200 after %s", within).isNotEqualTo(200);
        return answer;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
