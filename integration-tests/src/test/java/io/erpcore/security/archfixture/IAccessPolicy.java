package io.erpcore.security.archfixture;

/** Violates: an interface announcing that it is one. */
public interface IAccessPolicy {

    boolean allows(String permission);
}
