package io.erpcore.security.archfixture;

/** Violates: a class named after nothing but being an implementation. */
public final class GuardImpl {
}
