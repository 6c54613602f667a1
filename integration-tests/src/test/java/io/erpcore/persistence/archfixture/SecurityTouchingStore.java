package io.erpcore.persistence.archfixture;

import io.erpcore.security.archfixture.AccessGuard;

/** Violates: persistence depending on security, which the dependency table forbids. */
public final class SecurityTouchingStore {

    public String describe(AccessGuard guard) {
        return guard.toString();
    }
}
