package io.erpcore.config;

import java.util.List;

/** Which browser origins may call the API. Tokens travel in headers, never cookies. */
public record CorsConfig(@Variable("CORS_ORIGINS") List<@WebOrigin String> allowedOrigins) {

    /** Whether any origin is allowed ({@code *}). */
    public boolean allowsAnyOrigin() {
        return allowedOrigins.contains("*");
    }
}
