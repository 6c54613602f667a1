package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.no_interface_has_an_i_prefix;

import io.erpcore.security.archfixture.IAccessPolicy;
import io.erpcore.security.archfixture.IdentityProvider;
import io.erpcore.security.archfixture.ListenerHolder;
import org.junit.jupiter.api.Test;

final class NoInterfaceHasAnIPrefixRuleTest {

    @Test
    void interface_with_an_i_prefix_is_caught() {
        Fixtures.assertRejected(no_interface_has_an_i_prefix, IAccessPolicy.class)
                .hasMessageContaining(IAccessPolicy.class.getName());
    }

    @Test
    void nested_interface_with_an_i_prefix_is_caught() {
        Fixtures.assertRejected(no_interface_has_an_i_prefix, ListenerHolder.IListener.class)
                .hasMessageContaining(ListenerHolder.IListener.class.getName());
    }

    @Test
    void interface_whose_first_word_starts_with_i_passes() {
        Fixtures.assertAccepted(no_interface_has_an_i_prefix, IdentityProvider.class);
    }
}
