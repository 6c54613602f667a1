package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.erpcore.config.ConfigurationException;
import io.erpcore.config.ConfigViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupPhasesTest {

    @Test
    void records_each_finished_phase_with_its_duration_in_order() {
        StartupPhases phases = new StartupPhases();

        phases.run(StartupPhase.CONFIG, () -> { });
        String result = phases.run(StartupPhase.DATABASE, () -> "reached");

        assertThat(result).isEqualTo("reached");
        assertThat(phases.timings()).extracting(PhaseTiming::phase).containsExactly(StartupPhase.CONFIG, StartupPhase.DATABASE);
        assertThat(phases.timings()).allSatisfy(timing -> assertThat(timing.took().isNegative()).isFalse());
    }

    @Test
    void a_step_failure_names_the_phase_the_cause_its_hint_and_its_exit_code() {
        StartupPhases phases = new StartupPhases();

        BootstrapException failure = catchThrowableOfType(BootstrapException.class, () -> phases.run(StartupPhase.DATABASE,
                () -> {
                    throw new HostStartupException(ExitCode.DATABASE_UNAVAILABLE, "Cannot reach the database", "start it", null);
                }));

        assertThat(failure.phase()).isEqualTo(StartupPhase.DATABASE);
        assertThat(failure.exitCode()).isEqualTo(69);
        assertThat(failure.hint()).isEqualTo("start it");
        assertThat(failure).hasMessageStartingWith("Start-up failed in the database phase after ")
                .hasMessageContaining(": Cannot reach the database (hint: start it)");
        assertThat(phases.timings()).isEmpty();
    }

    @Test
    void a_failure_without_a_hint_of_its_own_gets_the_phase_hint() {
        BootstrapException failure = catchThrowableOfType(BootstrapException.class, () -> new StartupPhases().run(
                StartupPhase.LISTEN, () -> {
                    throw new HostStartupException(ExitCode.PORT_IN_USE, "Cannot listen on localhost:3001", null);
                }));

        assertThat(failure.hint()).isEqualTo(StartupPhase.LISTEN.defaultHint()).contains("PORT");
    }

    @Test
    void an_invalid_configuration_exits_78() {
        BootstrapException failure = catchThrowableOfType(BootstrapException.class, () -> new StartupPhases().run(
                StartupPhase.CONFIG, () -> {
                    throw new ConfigurationException(List.of(new ConfigViolation("PORT", "environment",
                            "must be less than or equal to 65535", "")));
                }));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    }

    @Test
    void an_unexpected_failure_exits_1_and_keeps_its_cause() {
        IllegalStateException bug = new IllegalStateException("a bug");

        BootstrapException failure = catchThrowableOfType(BootstrapException.class, () -> new StartupPhases().run(
                StartupPhase.HTTP_APP, () -> {
                    throw bug;
                }));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(failure).hasCause(bug);
    }
}
