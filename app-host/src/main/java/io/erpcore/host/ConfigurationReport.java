package io.erpcore.host;

import io.erpcore.config.ConfigCatalogue;
import io.erpcore.config.EffectiveSetting;
import io.erpcore.config.LoadedConfig;
import io.erpcore.config.Setting;
import io.erpcore.config.SettingGroup;

/** The effective configuration as {@code --validate-config} prints it: value and origin of every variable. */
final class ConfigurationReport {

    private ConfigurationReport() {
    }

    static String render(LoadedConfig loaded) {
        StringBuilder text = new StringBuilder(String.format("Effective configuration (APP_ENV=%s)%n",
                loaded.config().environment().id()));
        SettingGroup current = null;
        for (EffectiveSetting setting : loaded.effectiveSettings()) {
            SettingGroup group = ConfigCatalogue.find(setting.variable()).map(Setting::group).orElseThrow();
            if (group != current) {
                current = group;
                text.append(String.format("%n  %s%n", current.title()));
            }
            text.append(String.format("    %-33s %-45s %s%n", setting.variable(),
                    setting.value().isEmpty() ? "-" : setting.value(), setting.origin()));
        }
        return text.append(String.format("%nThe configuration is valid.%n")).toString();
    }
}
