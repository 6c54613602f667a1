package io.erpcore.tenancy.archfixture.cycle.c;

import io.erpcore.tenancy.archfixture.cycle.d.internal.CycleDHelper;

/** Violates: one half of a package cycle that runs through another package's internals. */
public final class CycleC {

    public String name() {
        return CycleDHelper.describe(this);
    }
}
