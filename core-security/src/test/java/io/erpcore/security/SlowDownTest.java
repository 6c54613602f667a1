package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The express-slow-down arithmetic over the in-memory limiter, on a clock the test moves. */
class SlowDownTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(350);
    private static final String CLIENT = "203.0.113.7";

    private final AtomicLong nanos = new AtomicLong();
    private final InMemoryRateLimiter limiter = InMemoryRateLimiter.withClock(nanos::get);
    private final SlowDown slowDown = SlowDown.of(3, STEP, MAX, WINDOW, limiter);

    @Test
    void a_count_kept_elsewhere_gives_the_same_delays_without_a_bucket() {
        assertThat(slowDown.delayOf(3)).isZero();
        assertThat(slowDown.delayOf(4)).isEqualTo(STEP);
        assertThat(slowDown.delayOf(5)).isEqualTo(STEP.multipliedBy(2));
        assertThat(slowDown.delayOf(1_000)).isEqualTo(MAX);
    }

    @Test
    void the_first_requests_of_a_window_are_not_delayed() {
        assertThat(delays(CLIENT, 3)).containsOnly(Duration.ZERO);
    }

    @Test
    void each_request_over_the_threshold_waits_one_step_longer() {
        delays(CLIENT, 3);

        assertThat(delays(CLIENT, 3)).containsExactly(ms(100), ms(200), ms(300));
    }

    @Test
    void the_delay_stops_growing_at_the_maximum() {
        delays(CLIENT, 6);

        assertThat(delays(CLIENT, 10)).containsOnly(MAX);
    }

    @Test
    void the_delay_ends_when_the_window_passes() {
        delays(CLIENT, 10);

        nanos.addAndGet(WINDOW.toNanos());

        assertThat(slowDown.delayFor(CLIENT)).isZero();
    }

    @Test
    void clients_are_slowed_down_separately() {
        delays(CLIENT, 10);

        assertThat(slowDown.delayFor("198.51.100.1")).isZero();
    }

    @Test
    void counts_in_a_bucket_just_big_enough_to_reach_the_maximum_delay() {
        delays(CLIENT, 20);

        // 3 undelayed requests, then ceil(350 / 100) = 4 steps: the fourth already reaches the maximum.
        RateLimitDecision bucket = limiter.peek(CLIENT, RateLimit.of(SlowDown.LIMIT_NAME, 7, WINDOW));
        assertThat(bucket.allowed()).isFalse();
    }

    @Test
    void the_configured_defaults_delay_the_fifty_first_request_by_a_tenth_of_a_second() {
        SlowDown defaults = SlowDown.of(RateLimitConfigs.config(), limiter);
        delays(defaults, CLIENT, 50);

        assertThat(defaults.delayFor(CLIENT)).isEqualTo(ms(100));
    }

    @Test
    void the_configured_defaults_reach_two_seconds_at_the_seventieth_request() {
        SlowDown defaults = SlowDown.of(RateLimitConfigs.config(), limiter);

        List<Duration> delays = delays(defaults, CLIENT, 71);

        assertThat(delays.subList(68, 71)).containsExactly(ms(1900), ms(2000), ms(2000));
    }

    @Test
    void a_zero_step_never_delays_and_counts_nothing() {
        SlowDown off = SlowDown.of(3, Duration.ZERO, MAX, WINDOW, limiter);

        assertThat(delays(off, CLIENT, 10)).containsOnly(Duration.ZERO);
        assertThat(limiter.peek(CLIENT, RateLimit.of(SlowDown.LIMIT_NAME, 3, WINDOW)).remaining()).isEqualTo(3);
    }

    @Test
    void refuses_a_threshold_below_one() {
        assertThatThrownBy(() -> SlowDown.of(0, STEP, MAX, WINDOW, limiter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'delayAfter' must be at least 1 but was 0");
    }

    @Test
    void refuses_a_negative_step() {
        assertThatThrownBy(() -> SlowDown.of(3, Duration.ofMillis(-1), MAX, WINDOW, limiter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'step' and 'maxDelay' must not be negative but were -1 ms and 350 ms");
    }

    private List<Duration> delays(String client, int requests) {
        return delays(slowDown, client, requests);
    }

    private static List<Duration> delays(SlowDown slowDown, String client, int requests) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            delays.add(slowDown.delayFor(client));
        }
        return delays;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
