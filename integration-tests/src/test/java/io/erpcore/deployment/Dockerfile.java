package io.erpcore.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Dockerfile read as text: its instructions (continuation lines joined, comments set apart) and
 * its comments. Only what the deployment rules need: the last stage's ENV, EXPOSE, USER and
 * HEALTHCHECK.
 */
record Dockerfile(String file, List<Instruction> instructions, List<String> comments) {

    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile parse(String file, String text) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                comments.add(trimmed.substring(1).strip()); // also inside a continued instruction
                continue;
            }
            if (trimmed.isEmpty() && pending.isEmpty()) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            pending.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                instructions.add(instruction(pending.toString().strip()));
                pending.setLength(0);
            }
        }
        return new Dockerfile(file, instructions, comments);
    }

    private static Instruction instruction(String line) {
        int space = line.indexOf(' ');
        return space < 0
                ? new Instruction(line.toUpperCase(Locale.ROOT), "")
                : new Instruction(line.substring(0, space).toUpperCase(Locale.ROOT), line.substring(space + 1).strip());
    }

    /** The instructions after the last FROM: what the image that runs is made of. */
    List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    /** The arguments of the last {@code keyword} instruction of the final stage. */
    Optional<String> last(String keyword) {
        List<Instruction> stage = finalStage();
        for (int i = stage.size() - 1; i >= 0; i--) {
            if (stage.get(i).keyword().equals(keyword)) {
                return Optional.of(stage.get(i).arguments());
            }
        }
        return Optional.empty();
    }

    /** Every instruction of the final stage with this keyword, in order. */
    List<String> all(String keyword) {
        return finalStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The final stage's ENV variables, in both forms ({@code ENV K=V K2=V2} and {@code ENV K V}). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            String[] words = arguments.split("\\s+");
            if (!words[0].contains("=")) {
                env.put(words[0], arguments.substring(words[0].length()).strip());
                continue;
            }
            for (String word : words) {
                int eq = word.indexOf('=');
                env.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
            }
        }
        return env;
    }

    /** {@code ${NAME}} and {@code $NAME} replaced by the final stage's ENV values. */
    String expand(String text) {
        String expanded = text;
        for (Map.Entry<String, String> variable : environment().entrySet()) {
            expanded = expanded.replace("${" + variable.getKey() + "}", variable.getValue())
                    .replace("$" + variable.getKey(), variable.getValue());
        }
        return expanded;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
