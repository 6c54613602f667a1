package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.logging.StructuredLogger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

    private static final StructuredLogger LOG = StructuredLogger.forModule("test");

    @Test
    void runs_the_stages_in_order_and_reports_completion() {
        List<String> ran = new CopyOnWriteArrayList<>();

        StopReport report = new ShutdownSequence(LOG)
                .then("first", left -> ran.add("first"))
                .then("second", left -> ran.add("second"))
                .run(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("first", "second");
        assertThat(report.completed()).isTrue();
        assertThat(report.stillRunning()).isEmpty();
    }

    @Test
    void a_stage_that_fails_does_not_stop_the_stages_after_it() {
        List<String> ran = new CopyOnWriteArrayList<>();

        StopReport report = new ShutdownSequence(LOG)
                .then("broken", left -> {
                    throw new IllegalStateException("boom");
                })
                .then("after", left -> ran.add("after"))
                .run(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("after");
        assertThat(report.completed()).isTrue();
    }

    @Test
    void a_stage_past_the_budget_is_named_with_what_it_reports_and_the_stop_returns_on_time() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);

        long started = System.nanoTime();
        StopReport report = new ShutdownSequence(LOG)
                .then("quick", left -> { })
                .then("the HTTP server", () -> "the HTTP server, with 3 connections still open", left -> await(never))
                .then("later", left -> { })
                .run(Duration.ofMillis(300));

        assertThat(report.completed()).isFalse();
        assertThat(report.stillRunning()).contains("the HTTP server, with 3 connections still open");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        never.countDown();
    }

    @Test
    void each_stage_is_given_the_time_left_in_the_budget() {
        List<Duration> given = new CopyOnWriteArrayList<>();

        new ShutdownSequence(LOG)
                .then("sleeps", left -> {
                    given.add(left);
                    sleep(200);
                })
                .then("after", given::add)
                .run(Duration.ofSeconds(2));

        assertThat(given.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(2)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(given.get(1)).isLessThanOrEqualTo(given.get(0).minusMillis(150));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
