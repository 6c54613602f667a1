package io.erpcore.tenancy.archfixture.cycle.a;

import io.erpcore.tenancy.archfixture.cycle.b.CycleB;

/** Violates: one half of a package cycle. */
public final class CycleA {

    public CycleB next() {
        return new CycleB();
    }
}
