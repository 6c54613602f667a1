package io.erpcore.host;

import io.erpcore.config.ConfigCatalogue;
import io.erpcore.config.Setting;
import io.erpcore.config.SettingGroup;

/** The variable catalogue as {@code --help} prints it: per group, a line of facts and a line of prose. */
final class CatalogueHelp {

    static final String SECTION = "configurationVariables";

    private CatalogueHelp() {
    }

    static String render() {
        StringBuilder text = new StringBuilder(String.format("%nConfiguration variables (a blank value counts as unset):%n"));
        SettingGroup current = null;
        for (Setting<?> setting : ConfigCatalogue.settings()) {
            if (setting.group() != current) {
                current = setting.group();
                text.append(String.format("%n  %s%n", current.title()));
            }
            text.append(String.format("    %-33s %s%n        %s%n", setting.name(), facts(setting), setting.description()));
        }
        return text.toString();
    }

    /** {@code integer, default 3001} or {@code secret, required in staging, production}. */
    private static String facts(Setting<?> setting) {
        StringBuilder facts = new StringBuilder(setting.type().name());
        String defaultText = setting.defaultValue().describe();
        if (!defaultText.isEmpty() || setting.defaultValue() instanceof io.erpcore.config.DefaultValue.Fixed) {
            facts.append(", default ").append(defaultText.isEmpty() ? "empty" : defaultText);
        }
        if (setting.requirement().outsideDevelopment()) {
            facts.append(", required in ").append(setting.requirement().describe());
        }
        return facts.toString();
    }
}
