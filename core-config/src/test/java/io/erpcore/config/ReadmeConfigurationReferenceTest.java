package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference documents exactly the catalogue: every variable once,
 * with the default the catalogue has and its description, so the reference cannot drift.
 */
class ReadmeConfigurationReferenceTest {

    private static final String SECTION = "### Configuration reference";
    /** {@code | `NAME` | default | description |}, the pipes inside a cell escaped. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*\\*?)` \\| (.*?) \\| (.*) \\|$");

    private static final List<String> NAMES = new ArrayList<>();
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheReference() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf(SECTION);
        assertThat(start).as("README.md has a section '%s'", SECTION).isNotNegative();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                NAMES.add(row.group(1));
                DEFAULTS.put(row.group(1), row.group(2).replace("\\|", "|"));
                DESCRIPTIONS.put(row.group(1), row.group(3).replace("\\|", "|"));
            }
        }
    }

    @Test
    void lists_every_catalogue_variable_once_and_nothing_else() {
        assertThat(NAMES).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ConfigCatalogue.settings().stream().map(Setting::name).toList());
    }

    @Test
    void shows_each_variable_with_the_catalogue_default() {
        ConfigCatalogue.settings().forEach(setting -> assertThat(DEFAULTS.get(setting.name()))
                .as(setting.name())
                .isEqualTo(documentedDefault(setting)));
    }

    @Test
    void describes_each_variable_with_the_catalogue_description() {
        ConfigCatalogue.settings().forEach(setting -> assertThat(DESCRIPTIONS.get(setting.name()))
                .as(setting.name())
                .isEqualTo(setting.description()));
    }

    /** As {@code --help} shows it: the default's text, "empty" for a fixed empty default, "-" for none. */
    private static String documentedDefault(Setting<?> setting) {
        String text = setting.defaultValue().describe();
        if (!text.isEmpty()) {
            return text;
        }
        return setting.defaultValue() instanceof DefaultValue.Fixed ? "empty" : "-";
    }
}
