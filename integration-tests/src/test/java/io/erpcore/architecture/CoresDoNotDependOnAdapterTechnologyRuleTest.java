package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.cores_do_not_depend_on_adapter_technology;

import io.erpcore.config.archfixture.LogbackTouchingSettings;
import io.erpcore.logging.archfixture.HostTouchingLogger;
import io.erpcore.tenancy.archfixture.AdapterTouchingTenancy;
import org.junit.jupiter.api.Test;

final class CoresDoNotDependOnAdapterTechnologyRuleTest {

    @Test
    void core_touching_logback_is_caught() {
        Fixtures.assertRejected(cores_do_not_depend_on_adapter_technology, LogbackTouchingSettings.class)
                .hasMessageContaining(LogbackTouchingSettings.class.getName())
                .hasMessageContaining("ch.qos.logback.classic.Logger");
    }

    @Test
    void core_touching_the_host_is_caught() {
        Fixtures.assertRejected(cores_do_not_depend_on_adapter_technology, HostTouchingLogger.class)
                .hasMessageContaining(HostTouchingLogger.class.getName());
    }

    @Test
    void core_touching_an_adapter_is_caught() {
        Fixtures.assertRejected(cores_do_not_depend_on_adapter_technology, AdapterTouchingTenancy.class)
                .hasMessageContaining(AdapterTouchingTenancy.class.getName());
    }

    @Test
    void cores_logging_through_slf4j_pass() {
        Fixtures.assertAccepted(cores_do_not_depend_on_adapter_technology);
    }
}
