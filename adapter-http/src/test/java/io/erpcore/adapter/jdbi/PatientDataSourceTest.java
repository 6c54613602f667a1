package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PatientDataSourceTest {

    private static final Connection CONNECTION = (Connection) Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> null);

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void a_server_that_refuses_connections_is_asked_again_until_it_accepts() throws SQLException {
        PatientDataSource source = new PatientDataSource(driver(refused(), refused()), Duration.ofSeconds(10));

        assertThat(source.getConnection()).isSameAs(CONNECTION);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_server_that_is_starting_up_is_asked_again() throws SQLException {
        PatientDataSource source = new PatientDataSource(driver(new SQLException("the database system is starting up",
                "57P03")), Duration.ofSeconds(10));

        assertThat(source.getConnection()).isSameAs(CONNECTION);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void a_wrong_password_is_thrown_at_once() {
        SQLException wrongPassword = new SQLException("password authentication failed", "28P01");
        PatientDataSource source = new PatientDataSource(driver(wrongPassword), Duration.ofSeconds(10));

        assertThatThrownBy(source::getConnection).isSameAs(wrongPassword);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void the_last_refusal_is_thrown_once_the_patience_is_spent() {
        PatientDataSource source = new PatientDataSource(driver(refused(), refused(), refused(), refused()),
                Duration.ofMillis(150));

        assertThatThrownBy(source::getConnection).isInstanceOf(SQLException.class).hasMessage("Connection refused");
        assertThat(attempts.get()).isBetween(2, 3);
    }

    @Test
    void a_source_told_to_stop_waiting_throws_the_first_refusal() {
        PatientDataSource source = new PatientDataSource(driver(refused()), Duration.ofSeconds(10));

        source.stopWaiting();

        assertThatThrownBy(source::getConnection).hasMessage("Connection refused");
        assertThat(attempts).hasValue(1);
    }

    private static SQLException refused() {
        return new SQLException("Connection refused", "08001");
    }

    /** A driver that throws {@code failures} in turn, then connects. */
    private DataSource driver(SQLException... failures) {
        Deque<SQLException> left = new ArrayDeque<>(List.of(failures));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        return null;
                    }
                    attempts.incrementAndGet();
                    if (!left.isEmpty()) {
                        throw left.removeFirst();
                    }
                    return CONNECTION;
                });
    }
}
