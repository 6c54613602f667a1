package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.internals_are_used_only_inside_their_module;

import io.erpcore.host.archfixture.HostUsingCoreInternals;
import io.erpcore.security.archfixture.ForeignInternalsUser;
import org.junit.jupiter.api.Test;

final class InternalsAreUsedOnlyInsideTheirModuleRuleTest {

    @Test
    void core_using_another_cores_internals_is_caught() {
        Fixtures.assertRejected(internals_are_used_only_inside_their_module, ForeignInternalsUser.class)
                .hasMessageContaining(ForeignInternalsUser.class.getName())
                .hasMessageContaining("internal to module io.erpcore.config");
    }

    @Test
    void host_using_core_internals_is_caught() {
        Fixtures.assertRejected(internals_are_used_only_inside_their_module, HostUsingCoreInternals.class)
                .hasMessageContaining(HostUsingCoreInternals.class.getName());
    }

    @Test
    void internals_used_inside_their_module_pass() {
        // Includes JavalinHealthRoute using a jdbi internal: all adapter technologies are one module.
        Fixtures.assertAccepted(internals_are_used_only_inside_their_module);
    }
}
