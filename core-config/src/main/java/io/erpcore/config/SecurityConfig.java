package io.erpcore.config;

/** The security group of the specification: tokens, passwords and field encryption. */
public record SecurityConfig(JwtConfig jwt, PasswordConfig passwords, EncryptionConfig encryption) {
}
