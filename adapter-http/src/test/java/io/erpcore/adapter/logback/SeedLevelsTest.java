package io.erpcore.adapter.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.erpcore.config.LogLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedLevelsTest {

    @ParameterizedTest
    @CsvSource({"ERROR, ERROR, false", "WARN, WARN, false", "INFO, INFO, false", "HTTP, INFO, true",
            "DEBUG, DEBUG, true", "VERBOSE, TRACE, true"})
    void maps_each_specification_level_onto_logback_and_the_request_lines(LogLevel level, String logback, boolean httpLines) {
        assertThat(SeedLevels.logbackLevel(level)).isEqualTo(Level.toLevel(logback));
        assertThat(SeedLevels.writesHttpLines(level)).isEqualTo(httpLines);
    }
}
