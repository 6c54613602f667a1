package io.erpcore.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Where and how the HTTP server listens. */
public record ServerConfig(
        @Variable("PORT") @Min(0) @Max(65535) int port,
        @Variable("HOST") String host,
        @Variable("SERVICE_NAME")
        @Pattern(regexp = "[a-z][a-z0-9-]{0,62}", message = "must be lower-case letters, digits and '-', starting with a letter")
        String serviceName,
        @Variable("TRUST_PROXY") TrustProxy trustProxy,
        @Variable("COMPRESSION_ENABLED") boolean compressionEnabled) {
}
