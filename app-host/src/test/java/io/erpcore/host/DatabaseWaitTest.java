package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.erpcore.config.DatabaseUrl;
import io.erpcore.logging.StructuredLogger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    private static final StructuredLogger LOG = StructuredLogger.forModule("test");

    @Test
    void waits_on_failures_that_pass_on_their_own() {
        assertThat(DatabaseWait.passesOnItsOwn(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseWait.passesOnItsOwn(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseWait.passesOnItsOwn(new SQLException("too many connections", "53300"))).isTrue();
    }

    @Test
    void does_not_wait_on_a_wrong_password_or_a_missing_database() {
        assertThat(DatabaseWait.passesOnItsOwn(new SQLException("password authentication failed", "28P01"))).isFalse();
        assertThat(DatabaseWait.passesOnItsOwn(new SQLException("database \"erp\" does not exist", "3D000"))).isFalse();
    }

    @Test
    void gives_up_after_the_startup_timeout_naming_the_url_the_attempts_and_the_timeout() throws Exception {
        DatabaseUrl nobody = DatabaseUrl.parse("postgresql://erp_owner:s3cret-pw@127.0.0.1:" + closedPort() + "/erp");

        long started = System.nanoTime();
        HostStartupException failure = catchThrowableOfType(HostStartupException.class,
                () -> DatabaseWait.until(nobody, Duration.ofMillis(700), LOG));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(6));
        assertThat(failure.exitCode()).isEqualTo(ExitCode.DATABASE_UNAVAILABLE);
        assertThat(failure).hasMessageStartingWith("Cannot reach the database at postgresql://erp_owner:******@127.0.0.1:")
                .hasMessageContaining(" attempts in ")
                .hasMessageNotContaining("s3cret-pw");
        assertThat(failure.hint()).hasValueSatisfying(hint -> assertThat(hint).contains("DATABASE_STARTUP_TIMEOUT (700 ms)"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
