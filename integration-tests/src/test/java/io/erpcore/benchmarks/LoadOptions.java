package io.erpcore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The settings of one {@link UsersLoadHarness} run, from {@code --name value} arguments; every one
 * has a default, and the defaults are the documented full run (about 7 minutes on the 2-core
 * development machine).
 *
 * @param rate the open loop's requests per second; empty: half the slowest configuration's
 *     closed-loop median
 */
record LoadOptions(int tenants, int users, int readers, int limit, int connections, int openConnections,
        OptionalDouble rate, int warmupRounds, Duration warmup, int rounds, Duration phase, List<String> jvmFlags,
        Path out, Path jmhResults, Path work, Path jar, List<String> arguments) {

    /**
     * The flags of the image's JVM as they resolve under the Kubernetes manifests' 1 GiB limit;
     * {@code --jvm} takes others, separated by spaces or by commas before a {@code -}, so that a
     * flag may hold commas itself ({@code -XX:StartFlightRecording=filename=a.jfr,settings=profile}).
     */
    static final String DEFAULT_JVM = "-Xms256m -Xmx768m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError";

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "50");
        defaults.put("users", "1000");
        defaults.put("readers", "4");
        defaults.put("limit", "20");
        defaults.put("connections", "8");
        defaults.put("open-connections", "32");
        defaults.put("rate", "auto");
        defaults.put("warmup-rounds", "7");
        defaults.put("warmup-seconds", "8");
        defaults.put("rounds", "7");
        defaults.put("seconds", "8");
        defaults.put("jvm", DEFAULT_JVM);
        defaults.put("out", "../docs");
        defaults.put("jmh", "../docs/performance/jmh-results.json");
        defaults.put("work", "target/load-harness");
        defaults.put("jar", "../app-host/target/app-host-runnable.jar");
        return defaults;
    }

    /**
     * The options of {@code args} ({@code --tenants 3 --rounds 2 ...}) over the defaults.
     *
     * @throws IllegalArgumentException for an unknown option or a missing value, naming the options
     */
    static LoadOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!DEFAULTS.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("'" + args[i] + "' is not an option with a value; the options and their"
                        + " defaults are " + DEFAULTS);
            }
            values.put(name, args[++i]);
        }
        String rate = values.get("rate");
        return new LoadOptions(positive(values, "tenants"), positive(values, "users"), positive(values, "readers"),
                positive(values, "limit"), positive(values, "connections"), positive(values, "open-connections"),
                "auto".equals(rate) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(rate)),
                Integer.parseInt(values.get("warmup-rounds")), Duration.ofSeconds(positive(values, "warmup-seconds")),
                positive(values, "rounds"), Duration.ofSeconds(positive(values, "seconds")),
                List.of(values.get("jvm").trim().split("\\s+|,(?=-)")), Path.of(values.get("out")), Path.of(values.get("jmh")),
                Path.of(values.get("work")), Path.of(values.get("jar")), List.copyOf(Arrays.asList(args)));
    }

    /** The settings as name and value, for the results file. */
    Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tenants", tenants);
        settings.put("usersPerTenant", users);
        settings.put("tokensPerTenant", readers);
        settings.put("pageLimit", limit);
        settings.put("closedLoopConnections", connections);
        settings.put("openLoopConnections", openConnections);
        settings.put("rate", rate.isPresent() ? rate.getAsDouble() : "auto");
        settings.put("warmupRounds", warmupRounds);
        settings.put("warmupSeconds", warmup.toSeconds());
        settings.put("rounds", rounds);
        settings.put("secondsPerPhase", phase.toSeconds());
        settings.put("jvmFlags", String.join(" ", jvmFlags));
        return settings;
    }

    /** The Maven command that runs these options, as the README documents it. */
    String command() {
        List<String> quoted = new ArrayList<>();
        for (String argument : arguments) {
            quoted.add(argument.contains(" ") ? "'" + argument + "'" : argument);
        }
        return "mvn -Pload -DskipTests verify -pl integration-tests -am"
                + (arguments.isEmpty() ? "" : " -Dload.args=\"" + String.join(" ", quoted) + "\"");
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name));
        if (value < 1) {
            throw new IllegalArgumentException("'--" + name + "' must be at least 1 but was " + value);
        }
        return value;
    }
}
