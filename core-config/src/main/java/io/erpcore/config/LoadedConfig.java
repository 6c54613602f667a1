package io.erpcore.config;

import java.util.List;

/**
 * A configuration that passed every rule, with the report of where each value came from and the
 * warnings an operator should see (generated secrets, aliases, likely typos).
 */
public record LoadedConfig(AppConfig config, List<EffectiveSetting> effectiveSettings, List<String> warnings) {

    public LoadedConfig {
        effectiveSettings = List.copyOf(effectiveSettings);
        warnings = List.copyOf(warnings);
    }
}
