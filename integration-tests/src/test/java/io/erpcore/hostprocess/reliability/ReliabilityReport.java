package io.erpcore.hostprocess.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes docs/RELIABILITY.md from the figures the reliability tests wrote as JSON ({@code
 * target/reliability/*.json}), with the machine they ran on, read now: no figure is typed by hand.
 * {@code mvn -Preliability -DskipTests verify -pl integration-tests -am} runs the tests, then this.
 *
 * <p>Arguments: the Markdown file to write, the command that produced the figures, then one or
 * more directories of JSON files; a directory that does not exist is skipped.
 */
public final class ReliabilityReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Section> SECTIONS = sections();

    private ReliabilityReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ReliabilityReport <output.md> <command> <directory of JSON>...");
            System.exit(64);
        }
        List<JsonNode> results = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            results.addAll(read(Path.of(args[i])));
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("no figures in " + List.of(args).subList(2, args.length) + "; run the tests first");
        }
        Path output = Path.of(args[0]);
        Files.writeString(output, render(args[1], results));
        System.out.println("Wrote " + output.toAbsolutePath().normalize() + " from " + results.size() + " results");
    }

    private static List<JsonNode> read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<JsonNode> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(JSON.readTree(file.toFile()));
            }
        }
        return results;
    }

    static String render(String command, List<JsonNode> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability\n\n")
                .append("What the packaged host does when its database or Redis fails under load, and what holds when two\n")
                .append("replicas share them. `ReliabilityReport` writes this file from the figures the tests measured and\n")
                .append("the machine it runs on; nothing here is typed by hand, so change the tests, not this file, and run\n")
                .append("again:\n\n```bash\n").append(command).append("\n```\n\n")
                .append("Each test asserts its behaviour and its bounds; the figures are one run's, on the machine below,\n")
                .append("which other builds may have shared (the load average is the one when each test finished).\n\n");
        results.stream().map(r -> r.path("section").asText()).filter(section -> !SECTIONS.containsKey(section)).findFirst()
                .ifPresent(section -> {
                    throw new IllegalArgumentException("no section '" + section + "' in the report; known: " + SECTIONS.keySet());
                });
        machine(out, results);
        for (Map.Entry<String, Section> section : SECTIONS.entrySet()) {
            List<JsonNode> inSection = results.stream().filter(r -> section.getKey().equals(r.path("section").asText()))
                    .sorted(Comparator.comparing(r -> r.path("testClass").asText() + "." + r.path("name").asText())).toList();
            if (!inSection.isEmpty()) {
                out.append("## ").append(section.getValue().title()).append("\n\n").append(section.getValue().intro())
                        .append("\n\n");
                inSection.forEach(result -> result(out, result));
            }
        }
        return out.toString();
    }

    private static void machine(StringBuilder out, List<JsonNode> results) {
        Instant first = results.stream().map(r -> Instant.parse(r.path("recordedAt").asText())).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = results.stream().map(r -> Instant.parse(r.path("recordedAt").asText())).max(Comparator.naturalOrder())
                .orElseThrow();
        out.append("| machine | |\n|---|---|\n")
                .append("| CPUs | ").append(Runtime.getRuntime().availableProcessors())
                .append(cpuModel().map(model -> " (" + model + ")").orElse("")).append(" |\n")
                .append("| memory | ").append(memoryGib()).append(" |\n")
                .append("| operating system | ").append(operatingSystem()).append(" |\n")
                .append("| Java | ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("java.vm.name")).append(" (").append(System.getProperty("java.vendor")).append(") |\n")
                .append("| recorded | ").append(first.truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(last.truncatedTo(ChronoUnit.SECONDS)).append(" |\n\n");
    }

    private static void result(StringBuilder out, JsonNode result) {
        out.append("### ").append(sentence(result.path("name").asText())).append("\n\n")
                .append(result.path("behaviour").asText()).append(". `").append(result.path("testClass").asText()).append("`");
        if (result.hasNonNull("loadAverage")) {
            out.append(", load average ").append(result.path("loadAverage").asText());
        }
        out.append(".\n\n");
        if (!result.path("settings").isEmpty()) {
            List<String> settings = new ArrayList<>();
            result.path("settings").properties().forEach(setting -> settings.add(setting.getKey().matches("[A-Z_, ]+")
                    ? "`" + setting.getKey() + "`: " + setting.getValue().asText()
                    : setting.getKey() + ": " + setting.getValue().asText()));
            out.append("Settings: ").append(String.join("; ", settings)).append(".\n\n");
        }
        out.append("| figure | value | what it means |\n|---|---|---|\n");
        for (JsonNode figure : result.path("figures")) {
            out.append("| ").append(figure.path("figure").asText()).append(" | ").append(value(figure)).append(" | ")
                    .append(figure.path("meaning").asText().replace("|", "\\|")).append(" |\n");
        }
        out.append('\n');
    }

    private static String value(JsonNode figure) {
        JsonNode value = figure.path("value");
        String number = value.isIntegralNumber() ? String.format("%,d", value.asLong()) : String.format("%,.1f", value.asDouble());
        String unit = figure.path("unit").asText();
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** {@code a_database_stopped_for_10_s} as "A database stopped for 10 s". */
    static String sentence(String method) {
        String words = method.replace('_', ' ').strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String memoryGib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format("%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return "unknown";
    }

    private static String operatingSystem() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(Path.of("/etc/os-release"))) {
            return lines.filter(line -> line.startsWith("PRETTY_NAME=")).findFirst()
                    .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", " + kernel).orElse(kernel);
        } catch (IOException | RuntimeException e) {
            return kernel;
        }
    }

    private static Map<String, Section> sections() {
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("faults", new Section("Faults", """
                The packaged host (`app-host/target/app-host-runnable.jar`) runs as a child process in production
                mode on a PostgreSQL and a Redis that the test starts itself (an embedded PostgreSQL, a private
                `redis-server` on a free port), never the machine's shared ones. Clients send requests back to back
                while the test stops one of them and starts it again, or sends the host SIGTERM; every answer is
                recorded with its status, problem code, `Retry-After` and how long it took. Latencies are measured
                by the clients, on the same machine as the host."""));
        sections.put("scale-out", new Section("Scale-out", """
                Two processes of the jar on different ports, started together on one PostgreSQL and one private
                Redis with the same `JWT_SECRET`, `ENCRYPTION_KEY` and `REDIS_URL`, as two replicas behind a load
                balancer. Rate-limit keys in Redis are namespaced only by limit, capacity, window and client
                address (`erp:ratelimit:<name>:<capacity>:<windowMs>:<key>`), so replicas that share a Redis share
                every limit."""));
        sections.put("bad-input", new Section("Bad input", """
                The standalone API in one JVM, on PostgreSQL, sent generated bad input over every route
                (`BadInputCorpusTest`)."""));
        sections.put("isolation", new Section("Tenant isolation", """
                Tenants of the standalone API in one JVM, on PostgreSQL, probing each other's data
                (`IsolationProbeTest`); the plan is drawn from the seed shown, and
                `-Derp.isolation.seed=<seed>` sends it again."""));
        return sections;
    }

    /** A section of the report: its title and what its tests have in common, as one paragraph. */
    private record Section(String title, String intro) {

        Section {
            intro = intro.replace('\n', ' ').replaceAll(" {2,}", " ").strip();
        }
    }
}
