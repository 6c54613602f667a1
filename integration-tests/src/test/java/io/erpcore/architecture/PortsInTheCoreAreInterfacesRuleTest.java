package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.ports_in_the_core_are_interfaces;

import io.erpcore.adapter.jdbi.archfixture.JdbiBaseLedgerStore;
import io.erpcore.adapter.jdbi.archfixture.JdbiLedgerUnavailableException;
import io.erpcore.adapter.micrometer.archfixture.MicrometerCountingMeter;
import io.erpcore.metrics.archfixture.CountingMeter;
import io.erpcore.persistence.archfixture.BaseLedgerStore;
import io.erpcore.persistence.archfixture.LedgerException;
import org.junit.jupiter.api.Test;

final class PortsInTheCoreAreInterfacesRuleTest {

    @Test
    void adapter_extending_an_abstract_core_class_is_caught() {
        Fixtures.assertRejected(ports_in_the_core_are_interfaces, BaseLedgerStore.class, JdbiBaseLedgerStore.class)
                .hasMessageContaining(JdbiBaseLedgerStore.class.getName());
    }

    @Test
    void adapter_extending_a_concrete_core_class_is_caught() {
        Fixtures.assertRejected(ports_in_the_core_are_interfaces, CountingMeter.class, MicrometerCountingMeter.class)
                .hasMessageContaining(MicrometerCountingMeter.class.getName());
    }

    @Test
    void adapter_exception_extending_a_core_exception_passes() {
        Fixtures.assertAccepted(ports_in_the_core_are_interfaces, LedgerException.class, JdbiLedgerUnavailableException.class);
    }

    @Test
    void adapter_implementing_a_core_interface_passes() {
        Fixtures.assertAccepted(ports_in_the_core_are_interfaces);
    }
}
