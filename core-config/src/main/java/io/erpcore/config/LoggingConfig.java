package io.erpcore.config;

import jakarta.validation.constraints.Pattern;
import java.util.List;

/** What is logged and in which layout. */
public record LoggingConfig(
        @Variable("LOG_LEVEL") LogLevel level,
        @Variable("LOG_FORMAT") LogFormat format,
        @Variable("DATABASE_LOGGING") boolean databaseLogging,
        @Variable("LOG_REDACT_KEYS") List<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,63}", message = "must be key names: letters, digits, '_', '.' or '-'") String> redactKeys) {
}
