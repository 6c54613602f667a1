package io.erpcore.host;

import java.time.Duration;
import java.util.Objects;

/** How long one start-up phase took. */
public record PhaseTiming(StartupPhase phase, Duration took) {

    public PhaseTiming {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(took, "took");
    }
}
