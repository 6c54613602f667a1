package io.erpcore.tenancy.archfixture.cycle.d.internal;

import io.erpcore.tenancy.archfixture.cycle.c.CycleC;

/** Violates: the other half, inside package d's internals. */
public final class CycleDHelper {

    private CycleDHelper() {
    }

    public static String describe(CycleC cycle) {
        return cycle.getClass().getSimpleName();
    }
}
