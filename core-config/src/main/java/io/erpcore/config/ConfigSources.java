package io.erpcore.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** The standard sources, and the precedence ERP Core reads them in. */
public final class ConfigSources {

    private ConfigSources() {
    }

    /** The process environment, read once. */
    public static MapConfigSource environment() {
        return MapConfigSource.shared("environment", System.getenv());
    }

    /** JVM system properties under the variable names ({@code -DPORT=8080}), read once. */
    public static MapConfigSource systemProperties() {
        Properties all = System.getProperties();
        return MapConfigSource.shared("system properties", all.stringPropertyNames().stream()
                .collect(Collectors.toMap(name -> name, all::getProperty)));
    }

    /** Values given as command-line flags, already mapped to variable names. */
    public static MapConfigSource commandLine(Map<String, String> values) {
        return MapConfigSource.of("command line", values);
    }

    /**
     * The precedence of ERP Core: command line, then system properties, then the process
     * environment, then {@code .env} in the working directory; defaults come last, from the
     * catalogue. System properties sit just below the command line because both are given per
     * launch.
     */
    public static LayeredConfigSource standard(Map<String, String> commandLine) {
        return standard(commandLine, System.getenv(), Path.of(""));
    }

    /** The standard precedence over an explicit environment and working directory, for hosts under test. */
    public static LayeredConfigSource standard(
            Map<String, String> commandLine, Map<String, String> environment, Path workingDirectory) {
        return LayeredConfigSource.of(
                commandLine(commandLine),
                systemProperties(),
                MapConfigSource.shared("environment", environment),
                DotEnvFile.load(workingDirectory.resolve(".env")));
    }
}
