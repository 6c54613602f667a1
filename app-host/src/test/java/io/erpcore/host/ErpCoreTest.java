package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programmatic lifecycle an embedding service uses: bootstrap, then startServer, then stop. */
class ErpCoreTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workingDirectory;

    private BootstrapOptions development() {
        return new BootstrapOptions(Map.of(), Map.of(), workingDirectory, false, false);
    }

    @Test
    void bootstrap_runs_the_phases_up_to_the_health_checks_in_order() throws Exception {
        try (AppContext context = ErpCore.bootstrap(development())) {
            assertThat(context.phases()).extracting(PhaseTiming::phase).containsExactly(StartupPhase.CONFIG,
                    StartupPhase.LOGGING_AND_METRICS, StartupPhase.DATABASE, StartupPhase.MIGRATIONS, StartupPhase.HTTP_APP,
                    StartupPhase.HEALTH_CHECKS);
            assertThat(context.database().check().up()).isTrue();
        }
    }

    @Test
    void start_server_listens_seeds_and_a_stop_ends_every_phase_cleanly() throws Exception {
        AppContext context = ErpCore.bootstrap(development());
        RunningServer server = ErpCore.startServer(context, 0, "127.0.0.1");

        HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ping.body()).isEqualTo("pong");
        assertThat(context.phases()).extracting(PhaseTiming::phase).endsWith(StartupPhase.LISTEN, StartupPhase.BANNER);
        assertThat(context.api().tenants().list(Optional.empty(), 10).items()).hasSize(1);

        StopReport report = server.stop();

        assertThat(report.completed()).isTrue();
        assertThat(server.stop()).isSameAs(report);
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("the database stopped").isFalse();
    }

    @Test
    void skip_health_checks_leaves_the_health_phase_out() {
        try (AppContext context = ErpCore.bootstrap(development().withSkipHealthChecks(true))) {
            assertThat(context.phases()).extracting(PhaseTiming::phase).doesNotContain(StartupPhase.HEALTH_CHECKS)
                    .endsWith(StartupPhase.HTTP_APP);
        }
    }

    @Test
    void a_failing_phase_throws_naming_it_and_leaves_nothing_running() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        BootstrapOptions unreachable = development()
                .withOverride("DATABASE_URL", "postgresql://erp_app@127.0.0.1:" + port + "/erp")
                .withOverride("DATABASE_STARTUP_TIMEOUT", "300");

        BootstrapException failure = catchThrowableOfType(BootstrapException.class, () -> ErpCore.bootstrap(unreachable));

        assertThat(failure.phase()).isEqualTo(StartupPhase.DATABASE);
        assertThat(failure.exitCode()).isEqualTo(ExitCode.DATABASE_UNAVAILABLE);
        assertThat(failure.hint()).contains("DATABASE_STARTUP_TIMEOUT");
    }

    @Test
    void a_taken_port_fails_the_listen_phase_with_75_and_stops_the_context() throws Exception {
        AppContext context = ErpCore.bootstrap(development());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BootstrapException failure = catchThrowableOfType(BootstrapException.class,
                    () -> ErpCore.startServer(context, taken.getLocalPort(), "127.0.0.1"));

            assertThat(failure.phase()).isEqualTo(StartupPhase.LISTEN);
            assertThat(failure.exitCode()).isEqualTo(ExitCode.PORT_IN_USE);
        }
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid"))).as("the database stopped").isFalse();
    }
}
