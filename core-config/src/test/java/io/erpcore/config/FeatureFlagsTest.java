package io.erpcore.config;

import static io.erpcore.config.ConfigLoaderEnvironmentTest.violations;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureFlagsTest {

    @Test
    void feature_variables_become_flags_named_after_the_prefix() {
        FeatureFlags flags = Configs.loadDevelopment("FEATURE_NEW_BILLING", "true", "FEATURE_DARK_MODE", "off")
                .config().featureFlags();

        assertThat(flags.isEnabled("NEW_BILLING")).isTrue();
        assertThat(flags.isEnabled("new_billing")).isTrue();
        assertThat(flags.isEnabled("DARK_MODE")).isFalse();
    }

    @Test
    void an_unknown_flag_is_off() {
        assertThat(Configs.loadDevelopment().config().featureFlags().isEnabled("ANYTHING")).isFalse();
    }

    @Test
    void a_flag_that_is_not_a_boolean_is_a_violation() {
        assertThat(violations(Configs.production("FEATURE_NEW_BILLING", "sometimes")))
                .singleElement()
                .extracting(ConfigViolation::describe)
                .asString()
                .startsWith("FEATURE_NEW_BILLING (environment): must be true or false");
    }

    @Test
    void flags_appear_in_the_report_with_their_origin() {
        assertThat(Configs.loadDevelopment("FEATURE_NEW_BILLING", "true").effectiveSettings())
                .contains(new EffectiveSetting("FEATURE_NEW_BILLING", "true", "environment"));
    }
}
