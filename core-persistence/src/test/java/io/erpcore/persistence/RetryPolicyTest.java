package io.erpcore.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1), pauses::add);

    @Test
    void idempotent_work_runs_again_after_a_transient_failure() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.run(true, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw failure("40001");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void idempotent_work_gives_up_after_its_attempts_with_a_typed_error() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(true, () -> {
            attempts.incrementAndGet();
            throw failure("40P01");
        })).isInstanceOf(TransientDatabaseException.class)
                .satisfies(e -> {
                    assertThat(((TransientDatabaseException) e).sqlState()).isEqualTo("40P01");
                    assertThat(((TransientDatabaseException) e).attempts()).isEqualTo(3);
                });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void work_that_is_not_idempotent_runs_once_and_fails_with_a_typed_error() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(false, () -> {
            attempts.incrementAndGet();
            throw failure("57P01");
        })).isInstanceOf(TransientDatabaseException.class).hasMessageContaining("57P01").hasMessageContaining("1 attempt");
        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_pool_that_timed_out_lending_a_connection_is_not_asked_again_since_its_wait_was_the_whole_budget() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(true, () -> {
            attempts.incrementAndGet();
            // How HikariCP reports its connectionTimeout (DATABASE_ACQUIRE_TIMEOUT) while the server is down.
            throw new RuntimeException("cannot open a handle", new SQLTransientConnectionException(
                    "erp-runtime - Connection is not available, request timed out after 1000ms", "08001",
                    new SQLException("Connection refused", "08001")));
        })).isInstanceOf(TransientDatabaseException.class)
                .satisfies(e -> assertThat(((TransientDatabaseException) e).sqlState()).isEqualTo("08001"))
                .hasMessageContaining("1 attempt");
        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void other_failures_pass_through_untouched() {
        IllegalStateException original = new IllegalStateException("not a database problem");

        assertThatThrownBy(() -> retry.run(true, () -> {
            throw original;
        })).isSameAs(original);
    }

    @Test
    void a_unique_violation_is_not_transient() {
        RuntimeException duplicate = failure("23505");

        assertThatThrownBy(() -> retry.run(true, () -> {
            throw duplicate;
        })).isSameAs(duplicate);
    }

    @Test
    void a_checked_exception_of_the_work_passes_through() {
        SQLException checked = new SQLException("syntax", "42601");

        assertThatThrownBy(() -> retry.run(true, () -> {
            throw checked;
        })).isSameAs(checked);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 30})
    void backoff_stays_below_its_doubling_ceiling_and_the_maximum(int attempt) {
        long ceiling = Math.min(1000, 50L << (attempt - 1));

        for (int i = 0; i < 200; i++) {
            assertThat(retry.backoff(attempt).toMillis()).isBetween(0L, ceiling);
        }
    }

    @Test
    void at_least_one_attempt_is_required() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, delay -> { }))
                .hasMessage("'maxAttempts' must be at least 1 but was 0");
    }

    /** A failure as JDBI delivers it: an unchecked exception wrapping the driver's SQLException. */
    static RuntimeException failure(String sqlState) {
        return new RuntimeException("statement failed", new SQLException("server said no", sqlState));
    }
}
