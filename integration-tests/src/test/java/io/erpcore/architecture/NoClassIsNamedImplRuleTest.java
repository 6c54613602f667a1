package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.no_class_is_named_impl;

import io.erpcore.security.archfixture.GuardImpl;
import org.junit.jupiter.api.Test;

final class NoClassIsNamedImplRuleTest {

    @Test
    void class_named_impl_is_caught() {
        Fixtures.assertRejected(no_class_is_named_impl, GuardImpl.class)
                .hasMessageContaining(GuardImpl.class.getName());
    }

    @Test
    void classes_named_after_what_they_do_pass() {
        Fixtures.assertAccepted(no_class_is_named_impl);
    }
}
