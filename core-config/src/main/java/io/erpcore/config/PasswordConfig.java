package io.erpcore.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Password policy and hashing cost. OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000
 * iterations; fewer is allowed in development, where tests hash many passwords.
 */
public record PasswordConfig(
        @Variable("PASSWORD_MIN_LENGTH") @Min(8) @Max(128) int minLength,
        @Variable("PASSWORD_HASH_ITERATIONS")
        @Min(1000)
        @Min(value = 600_000, groups = OutsideDevelopment.class, message = "must be at least 600000 (OWASP's PBKDF2-SHA256 figure)")
        int hashIterations) {
}
