package io.erpcore.security.archfixture;

/** Fixture: an interface whose name merely starts with an I-word, which is fine. */
public interface IdentityProvider {

    String identify(String token);
}
