package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.core_dependencies_point_inward;

import io.erpcore.config.archfixture.LoggingTouchingSettings;
import io.erpcore.persistence.archfixture.SecurityTouchingStore;
import io.erpcore.security.archfixture.PersistenceTouchingGuard;
import org.junit.jupiter.api.Test;

final class CoreDependenciesPointInwardRuleTest {

    @Test
    void security_touching_persistence_is_caught() {
        Fixtures.assertRejected(core_dependencies_point_inward, PersistenceTouchingGuard.class)
                .hasMessageContaining(PersistenceTouchingGuard.class.getName());
    }

    @Test
    void persistence_touching_security_is_caught() {
        Fixtures.assertRejected(core_dependencies_point_inward, SecurityTouchingStore.class)
                .hasMessageContaining(SecurityTouchingStore.class.getName());
    }

    @Test
    void config_touching_logging_is_caught() {
        Fixtures.assertRejected(core_dependencies_point_inward, LoggingTouchingSettings.class)
                .hasMessageContaining(LoggingTouchingSettings.class.getName());
    }

    @Test
    void dependencies_along_the_table_pass() {
        Fixtures.assertAccepted(core_dependencies_point_inward);
    }
}
