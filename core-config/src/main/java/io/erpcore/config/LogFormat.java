package io.erpcore.config;

/** One JSON object per line for machines, or the specification's one-line layout for people. */
public enum LogFormat {
    JSON,
    PRETTY
}
