package io.erpcore.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "40001", "40P01", "57P01", "57P02", "57P03"})
    void connection_serialization_deadlock_and_shutdown_states_may_pass(String state) {
        assertThat(TransientFailures.isTransient(state)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42501", "42601", "22P02", "57014", "40002"})
    void constraint_permission_syntax_and_cancel_states_do_not(String state) {
        assertThat(TransientFailures.isTransient(state)).isFalse();
    }

    @Test
    void a_missing_state_is_not_transient() {
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }

    @Test
    void the_state_is_found_deep_in_the_cause_chain() {
        Exception wrapped = new RuntimeException(new IllegalStateException(new SQLException("gone", "08006")));

        assertThat(TransientFailures.transientState(wrapped)).contains("08006");
    }

    @Test
    void a_pool_timeout_is_transient_even_without_a_state_of_its_own() {
        // HikariCP's timeout while its pool is exhausted, or while its attempt to connect is still under way.
        Exception timeout = new RuntimeException(new SQLTransientConnectionException(
                "erp-runtime - Connection is not available, request timed out after 1500ms", (String) null));

        assertThat(TransientFailures.transientState(timeout)).contains("08000");
        assertThat(TransientFailures.isPoolTimeout(timeout)).isTrue();
    }

    @Test
    void a_lost_connection_is_not_a_pool_timeout() {
        assertThat(TransientFailures.isPoolTimeout(new RuntimeException(new SQLException("gone", "08006")))).isFalse();
    }

    @Test
    void a_chain_without_a_transient_sql_exception_has_no_state() {
        assertThat(TransientFailures.transientState(new RuntimeException(new SQLException("dup", "23505")))).isEmpty();
    }
}
