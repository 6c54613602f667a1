package io.erpcore.adapter.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one reliability test measured, printed and written as JSON to
 * {@code target/reliability/<class>.<name>.json} of the module it runs in, where
 * {@code ReliabilityReport} (integration-tests) turns it into docs/RELIABILITY.md. Each figure
 * carries its unit and what it means, so the report says what the test saw in the test's own words.
 * Write it before asserting, so a failing run shows its figures.
 */
public final class ReliabilityFigures {

    public static final Path DIRECTORY = Path.of("target", "reliability");
    private static final Pattern SECRET = Pattern.compile("TOKEN|SECRET|PASSWORD|_KEY$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode settings;
    private final ArrayNode figures;
    private final String name;

    private ReliabilityFigures(String section, Class<?> testClass, String name, String behaviour) {
        this.name = testClass.getSimpleName() + "." + name;
        root.put("section", section);
        root.put("testClass", testClass.getSimpleName());
        root.put("name", name);
        root.put("behaviour", behaviour);
        root.put("java", System.getProperty("java.version"));
        root.put("recordedAt", Instant.now().toString());
        loadAverage().ifPresent(load -> root.put("loadAverage", load));
        settings = root.putObject("settings");
        figures = root.putArray("figures");
    }

    /**
     * Figures of {@code testClass} for the report's {@code section}: {@code name} is the test method
     * (or, for a whole class, a behaviour sentence in the same form), {@code behaviour} what was done.
     */
    public static ReliabilityFigures of(String section, Class<?> testClass, String name, String behaviour) {
        return new ReliabilityFigures(section, testClass, name, behaviour);
    }

    /** A setting the run used, such as an environment variable given to the host; a secret's value is not written. */
    public ReliabilityFigures setting(String name, Object value) {
        settings.put(name, SECRET.matcher(name).find() ? "(set)" : String.valueOf(value));
        return this;
    }

    /** {@link #setting} of each of {@code values}, in the order of their names. */
    public ReliabilityFigures settings(Map<String, String> values) {
        new TreeMap<>(values).forEach(this::setting);
        return this;
    }

    /** A measured figure: {@code value} in {@code unit} (a count when the unit is empty), and what it means. */
    public ReliabilityFigures add(String figure, double value, String unit, String meaning) {
        ObjectNode entry = figures.addObject();
        entry.put("figure", figure);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            entry.put("value", (long) value);
        } else {
            entry.put("value", Math.round(value * 10) / 10.0);
        }
        entry.put("unit", unit);
        entry.put("meaning", meaning);
        return this;
    }

    /** Prints the figures and writes them to {@link #DIRECTORY}. */
    public void write() throws IOException {
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve(name + ".json");
        String text = JSON.writeValueAsString(root);
        Files.writeString(file, text + System.lineSeparator());
        System.out.println("Reliability figures of " + name + " (" + file + "):");
        figures.forEach(entry -> System.out.println("  " + entry.get("figure").asText() + ": "
                + entry.get("value").asText() + (entry.get("unit").asText().isEmpty() ? "" : " " + entry.get("unit").asText())));
    }

    /** The {@code q} quantile (0..1) of {@code values} by the nearest-rank method; 0 for none. */
    public static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Optional<String> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Optional.of(fields[0] + " " + fields[1] + " " + fields[2]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
