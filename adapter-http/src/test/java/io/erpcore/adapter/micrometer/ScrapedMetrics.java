package io.erpcore.adapter.micrometer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/** A test's reading of the Prometheus text format: {@code # TYPE} lines and samples, nothing more. */
final class ScrapedMetrics {

    /** One sample line: {@code name{label="value",...} value}. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private ScrapedMetrics() {
    }

    static ScrapedMetrics parse(String text) {
        ScrapedMetrics scraped = new ScrapedMetrics();
        text.lines().filter(line -> !line.isBlank()).forEach(scraped::read);
        return scraped;
    }

    /** The declared type of a family: counter, gauge, histogram, summary. */
    String type(String family) {
        String type = types.get(family);
        if (type == null) {
            throw new NoSuchElementException("no # TYPE " + family + " in " + types.keySet());
        }
        return type;
    }

    Set<String> families() {
        return new TreeSet<>(types.keySet());
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The value of the one sample with exactly this name and these labels. */
    double value(String name, Map<String, String> labels) {
        return samples(name).stream().filter(sample -> sample.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sample " + name + labels + " in " + samples(name)))
                .value();
    }

    private void read(String line) {
        if (line.startsWith("# TYPE ")) {
            String[] parts = line.substring("# TYPE ".length()).split(" ");
            types.put(parts[0], parts[1]);
        } else if (!line.startsWith("#")) {
            samples.add(sample(line));
        }
    }

    private static Sample sample(String line) {
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
            nameEnd++;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int rest = line.charAt(nameEnd) == '{' ? readLabels(line, nameEnd + 1, labels) : nameEnd;
        String value = line.substring(rest).trim().split(" ")[0];
        return new Sample(line.substring(0, nameEnd), labels, number(value));
    }

    // Reads name="value" pairs up to the closing brace; values may hold escaped quotes and braces.
    private static int readLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j) == '\\' ? unescape(line.charAt(++j)) : line.charAt(j);
                value.append(c);
            }
            labels.put(line.substring(i, equals), value.toString());
            i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
        }
        return i + 1;
    }

    private static char unescape(char escaped) {
        return escaped == 'n' ? '\n' : escaped;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
