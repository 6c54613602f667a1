package io.erpcore.config;

/**
 * Validation group for rules that are errors in staging and production but only warnings in
 * development, such as secret strength: a developer may run with a short secret, an operator
 * may not.
 */
public interface OutsideDevelopment {
}
