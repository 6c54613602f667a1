package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.adapters_are_named_after_technology_and_port;

import io.erpcore.adapter.grpc.archfixture.GrpcLedgerStore;
import io.erpcore.adapter.jdbi.archfixture.JdbiStore;
import io.erpcore.adapter.jdbi.archfixture.LedgerStoreImpl;
import io.erpcore.adapter.jdbi.archfixture.MicrometerLedgerStore;
import org.junit.jupiter.api.Test;

final class AdaptersAreNamedAfterTechnologyAndPortRuleTest {

    @Test
    void adapter_without_its_technology_in_the_name_is_caught() {
        Fixtures.assertRejected(adapters_are_named_after_technology_and_port, LedgerStoreImpl.class)
                .hasMessageContaining(LedgerStoreImpl.class.getName())
                .hasMessageContaining("must be named <Technology>LedgerStore")
                .hasMessageContaining("Jdbi, Hikari, Flyway, Postgres");
    }

    @Test
    void adapter_named_after_another_technology_is_caught() {
        Fixtures.assertRejected(adapters_are_named_after_technology_and_port, MicrometerLedgerStore.class)
                .hasMessageContaining(MicrometerLedgerStore.class.getName());
    }

    @Test
    void adapter_not_ending_in_its_port_is_caught() {
        Fixtures.assertRejected(adapters_are_named_after_technology_and_port, JdbiStore.class)
                .hasMessageContaining(JdbiStore.class.getName());
    }

    @Test
    void adapter_outside_a_known_technology_package_is_caught() {
        Fixtures.assertRejected(adapters_are_named_after_technology_and_port, GrpcLedgerStore.class)
                .hasMessageContaining(GrpcLedgerStore.class.getName())
                .hasMessageContaining("not inside a known technology package");
    }

    @Test
    void technology_and_port_names_pass_as_do_helpers_and_anonymous_classes() {
        // The miniature holds JdbiLedgerStore, an anonymous LedgerStore inside it, and SqlStatements,
        // an adapter helper implementing no port.
        Fixtures.assertAccepted(adapters_are_named_after_technology_and_port);
    }
}
