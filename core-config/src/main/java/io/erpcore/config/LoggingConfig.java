package io.erpcore.config;

/** What is logged and in which layout. */
public record LoggingConfig(
        @Variable("LOG_LEVEL") LogLevel level,
        @Variable("LOG_FORMAT") LogFormat format,
        @Variable("DATABASE_LOGGING") boolean databaseLogging) {
}
