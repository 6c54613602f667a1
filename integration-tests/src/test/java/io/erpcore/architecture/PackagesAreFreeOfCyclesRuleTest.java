package io.erpcore.architecture;

import static io.erpcore.architecture.ArchitectureRules.packages_are_free_of_cycles;

import io.erpcore.config.archfixture.Region;
import io.erpcore.config.archfixture.internal.RegionParser;
import io.erpcore.tenancy.archfixture.cycle.a.CycleA;
import io.erpcore.tenancy.archfixture.cycle.b.CycleB;
import io.erpcore.tenancy.archfixture.cycle.c.CycleC;
import io.erpcore.tenancy.archfixture.cycle.d.internal.CycleDHelper;
import org.junit.jupiter.api.Test;

final class PackagesAreFreeOfCyclesRuleTest {

    @Test
    void package_cycle_is_caught() {
        Fixtures.assertRejected(packages_are_free_of_cycles, CycleA.class, CycleB.class)
                .hasMessageContaining(CycleA.class.getName())
                .hasMessageContaining(CycleB.class.getName());
    }

    @Test
    void package_cycle_through_another_packages_internals_is_caught() {
        Fixtures.assertRejected(packages_are_free_of_cycles, CycleC.class, CycleDHelper.class)
                .hasMessageContaining(CycleC.class.getName())
                .hasMessageContaining(CycleDHelper.class.getName());
    }

    @Test
    void package_in_a_cycle_with_its_own_internal_package_is_caught() {
        Fixtures.assertRejected(packages_are_free_of_cycles, Region.class, RegionParser.class)
                .hasMessageContaining(Region.class.getName())
                .hasMessageContaining(RegionParser.class.getName());
    }

    @Test
    void packages_using_their_internals_one_way_pass() {
        Fixtures.assertAccepted(packages_are_free_of_cycles);
    }
}
