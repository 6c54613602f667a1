package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.adapters_do_not_depend_on_the_host;

import io.erpcore.adapter.http.archfixture.HostTouchingAdapter;
import org.junit.jupiter.api.Test;

final class AdaptersDoNotDependOnTheHostRuleTest {

    @Test
    void adapter_touching_the_host_is_caught() {
        Fixtures.assertRejected(adapters_do_not_depend_on_the_host, HostTouchingAdapter.class)
                .hasMessageContaining(HostTouchingAdapter.class.getName());
    }

    @Test
    void adapters_using_cores_pass() {
        Fixtures.assertAccepted(adapters_do_not_depend_on_the_host);
    }
}
