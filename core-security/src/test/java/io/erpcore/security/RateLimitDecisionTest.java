package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void reset_seconds_round_up() {
        assertThat(RateLimitDecision.allowed(10, 4, Duration.ofMillis(1_001)).resetSeconds()).isEqualTo(2);
    }

    @Test
    void reset_seconds_keep_whole_seconds() {
        assertThat(RateLimitDecision.allowed(10, 4, Duration.ofSeconds(900)).resetSeconds()).isEqualTo(900);
    }

    @Test
    void retry_after_seconds_round_up() {
        assertThat(RateLimitDecision.refused(10, Duration.ofMillis(59_001), Duration.ofMinutes(1)).retryAfterSeconds())
                .isEqualTo(60);
    }

    @Test
    void a_refused_request_is_never_told_to_retry_after_zero_seconds() {
        assertThat(RateLimitDecision.refused(10, Duration.ZERO, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void an_allowed_request_has_nothing_to_wait_for() {
        RateLimitDecision allowed = RateLimitDecision.allowed(10, 9, Duration.ofMinutes(15));

        assertThat(allowed.retryAfter()).isZero();
        assertThat(allowed.retryAfterSeconds()).isZero();
    }

    @Test
    void a_refused_request_has_nothing_remaining() {
        assertThat(RateLimitDecision.refused(10, Duration.ofSeconds(3), Duration.ofSeconds(3)).remaining()).isZero();
    }

    @Test
    void refuses_more_remaining_than_the_limit() {
        assertThatThrownBy(() -> RateLimitDecision.allowed(10, 11, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'remaining' must be between 0 and 10 but was 11");
    }

    @Test
    void refuses_a_limit_below_one() {
        assertThatThrownBy(() -> RateLimitDecision.allowed(0, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'limit' must be at least 1 but was 0");
    }

    @Test
    void refuses_a_negative_reset() {
        assertThatThrownBy(() -> RateLimitDecision.allowed(10, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'reset' and 'retryAfter' must not be negative");
    }

    @Test
    void refuses_an_allowed_decision_with_a_retry_after() {
        assertThatThrownBy(() -> new RateLimitDecision(true, 10, 1, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'retryAfter' must be zero for an allowed request but was PT1S");
    }

    @Test
    void refuses_a_refused_decision_with_requests_remaining() {
        assertThatThrownBy(() -> new RateLimitDecision(false, 10, 1, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'remaining' must be 0 for a refused request but was 1");
    }
}
