package io.erpcore.config;

/**
 * The specification's log levels, most severe first. {@code HTTP} sits between INFO and DEBUG
 * and covers the one request line per request; {@code VERBOSE} is finer than DEBUG.
 */
public enum LogLevel {
    ERROR,
    WARN,
    INFO,
    HTTP,
    DEBUG,
    VERBOSE
}
