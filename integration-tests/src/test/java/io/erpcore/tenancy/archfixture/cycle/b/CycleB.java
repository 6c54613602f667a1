package io.erpcore.tenancy.archfixture.cycle.b;

import io.erpcore.tenancy.archfixture.cycle.a.CycleA;

/** Violates: the other half of a package cycle. */
public final class CycleB {

    public CycleA back() {
        return new CycleA();
    }
}
