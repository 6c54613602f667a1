package io.erpcore.security;

import io.erpcore.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The security headers every answer carries: helmet's default set (v7 and v8), computed once per
 * environment. The HTTP adapter sets {@link #headers()}, adds {@link #API_CACHE_CONTROL} to API
 * answers and removes {@link #REMOVED_HEADERS}.
 */
public final class SecurityHeaders {

    /** API answers are per user and per tenant: no browser or proxy may keep a copy. */
    public static final HeaderField API_CACHE_CONTROL = new HeaderField("Cache-Control", "no-store");

    /** Headers that only tell an attacker which software and version to target; the adapter suppresses them. */
    public static final List<String> REMOVED_HEADERS = List.of("X-Powered-By", "Server");

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self';base-uri 'self';"
            + "font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;"
            + "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline'";

    private static final SecurityHeaders DEVELOPMENT = new SecurityHeaders(true);
    private static final SecurityHeaders DEPLOYED = new SecurityHeaders(false);

    private final List<HeaderField> headers;

    private SecurityHeaders(boolean development) {
        List<HeaderField> set = new ArrayList<>();
        // Development serves plain http on localhost. upgrade-insecure-requests would make the browser
        // fetch the page's http resources over https, which nothing there answers; HSTS would pin the
        // host name to https for a year, breaking every other plain-http service a developer runs on it.
        set.add(header("Content-Security-Policy",
                development ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY + ";upgrade-insecure-requests"));
        set.add(header("Cross-Origin-Opener-Policy", "same-origin"));
        set.add(header("Cross-Origin-Resource-Policy", "same-origin"));
        set.add(header("Origin-Agent-Cluster", "?1"));
        set.add(header("Referrer-Policy", "no-referrer"));
        if (!development) {
            set.add(header("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
        }
        set.add(header("X-Content-Type-Options", "nosniff"));
        set.add(header("X-DNS-Prefetch-Control", "off"));
        set.add(header("X-Download-Options", "noopen"));
        set.add(header("X-Frame-Options", "SAMEORIGIN"));
        set.add(header("X-Permitted-Cross-Domain-Policies", "none"));
        // 0 switches off the legacy XSS auditor, whose filtering could itself be abused to leak data.
        set.add(header("X-XSS-Protection", "0"));
        this.headers = List.copyOf(set);
    }

    /** The headers for {@code environment}: without HSTS and without upgrading requests in development. */
    public static SecurityHeaders forEnvironment(Environment environment) {
        return Objects.requireNonNull(environment, "environment").isDevelopment() ? DEVELOPMENT : DEPLOYED;
    }

    /** The headers to set on every answer, in helmet's order; the same immutable list on every call. */
    public List<HeaderField> headers() {
        return headers;
    }

    private static HeaderField header(String name, String value) {
        return new HeaderField(name, value);
    }
}
