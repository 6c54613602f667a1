package io.erpcore.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exit code the host can end with is in the README's table and in {@code --help}, and nothing else is. */
class ExitCodesDocumentedTest {

    private static final Pattern README_ROW = Pattern.compile("^\\| (\\d+) \\| .+ \\|$");
    private static final Pattern HELP_ROW = Pattern.compile("^ +(\\d+) {2,}\\S.*$");

    @TempDir
    Path workingDirectory;

    @Test
    void the_readme_table_lists_exactly_the_exit_codes() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("## Exit codes");
        assertThat(start).as("README.md has a section '## Exit codes'").isNotNegative();

        List<Integer> documented = lines.subList(start + 1, lines.size()).stream()
                .takeWhile(line -> !line.startsWith("## "))
                .map(README_ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> Integer.valueOf(row.group(1)))
                .toList();

        assertThat(documented).containsExactlyElementsOf(exitCodes());
    }

    @Test
    void help_lists_exactly_the_exit_codes() {
        String help = HostRun.of(Map.of(), workingDirectory, "--help").out();
        String section = help.substring(help.indexOf("Exit codes:"), help.indexOf("Configuration variables"));

        List<Integer> listed = section.lines().map(HELP_ROW::matcher).filter(Matcher::matches)
                .map(row -> Integer.valueOf(row.group(1))).toList();

        assertThat(listed).containsExactlyElementsOf(exitCodes());
    }

    private static List<Integer> exitCodes() {
        return Arrays.stream(ExitCode.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == int.class)
                .map(ExitCodesDocumentedTest::value)
                .sorted()
                .toList();
    }

    private static int value(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
