package io.erpcore.security;

import io.erpcore.config.CorsConfig;
import io.erpcore.security.CorsPreflight.Allowed;
import io.erpcore.security.CorsPreflight.Refused;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which browser origins may call the API, and the {@code Access-Control-*} headers that say so,
 * built once from {@code CORS_ORIGINS}; every answer is precomputed, so a request costs a map lookup.
 *
 * <p>Origins match exactly (scheme, host and port), ignoring the case of scheme and host; {@code *}
 * allows any origin and is answered with {@code Access-Control-Allow-Origin: *}. No origin configured
 * means no CORS headers at all. Credentials are never allowed: the API authenticates by bearer tokens
 * in {@code Authorization}, never by cookies, so a cross-origin call carries no ambient authority.
 *
 * <p>{@code Vary} values are meant to be added to the answer's {@code Vary} header, not to replace
 * one that compression may already have set.
 */
public final class CorsPolicy {

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOWED_METHODS_TEXT = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String[] ALLOWED_HEADERS = {
        "Authorization", "Content-Type", "X-Request-ID", "X-Correlation-ID", "X-Tenant-ID", "traceparent"};
    private static final String ALLOWED_HEADERS_TEXT = String.join(", ", ALLOWED_HEADERS);
    private static final HeaderField EXPOSE_HEADERS = new HeaderField("Access-Control-Expose-Headers",
            "X-Request-ID, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After");
    private static final HeaderField VARY_ORIGIN = new HeaderField("Vary", "Origin");

    /** What an allowed origin gets: the headers of an actual request and the answer to a preflight. */
    private record Grant(List<HeaderField> response, Allowed preflight) {
    }

    private final Map<String, Grant> grants;
    private final Grant anyOrigin;
    private final List<HeaderField> notGranted;

    private CorsPolicy(Map<String, Grant> grants, Grant anyOrigin) {
        this.grants = Map.copyOf(grants);
        this.anyOrigin = anyOrigin;
        // With a list of origins the answer depends on Origin even when it grants nothing, so a shared
        // cache must not hand the answer given to one origin (or to none) to another.
        this.notGranted = grants.isEmpty() ? List.of() : List.of(VARY_ORIGIN);
    }

    /**
     * The policy for {@code config}: each entry {@code *} or {@code scheme://host[:port]} with scheme
     * http or https; a default port (80, 443) is dropped, since browsers never send it.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static CorsPolicy from(CorsConfig config) {
        List<String> origins = Objects.requireNonNull(config, "config").allowedOrigins();
        Map<String, Grant> grants = new HashMap<>();
        for (String origin : origins) {
            if (!origin.equals("*")) {
                String normalized = normalize(origin);
                grants.put(normalized, grant(normalized, List.of(
                        new HeaderField(ALLOW_ORIGIN, normalized), VARY_ORIGIN, EXPOSE_HEADERS)));
            }
        }
        if (origins.contains("*")) {
            // Any origin gets the same answer, so the answer does not vary by Origin.
            return new CorsPolicy(Map.of(), grant("*", List.of(new HeaderField(ALLOW_ORIGIN, "*"), EXPOSE_HEADERS)));
        }
        return new CorsPolicy(grants, null);
    }

    /** Whether any origin is allowed at all; without one the adapter may skip CORS entirely. */
    public boolean enabled() {
        return anyOrigin != null || !grants.isEmpty();
    }

    /**
     * The headers for an actual (non-preflight) request from {@code origin}, the raw {@code Origin}
     * header or null: for an allowed origin that origin (in the lower-case form browsers send),
     * {@code Vary: Origin} and the exposed headers; for any other origin only {@code Vary: Origin} when
     * origins are listed; nothing when CORS is off. The same precomputed list for the same origin.
     */
    public List<HeaderField> responseHeaders(String origin) {
        if (anyOrigin != null) {
            return anyOrigin.response();
        }
        Grant grant = grantFor(origin);
        return grant == null ? notGranted : grant.response();
    }

    /**
     * Answers a preflight: refused for an origin that is not allowed, a method outside
     * {@code GET, POST, PUT, PATCH, DELETE, OPTIONS} (compared exactly, as browsers do), or a requested
     * header outside {@code Authorization, Content-Type, X-Request-ID, X-Correlation-ID, X-Tenant-ID,
     * traceparent} (compared ignoring case); otherwise allowed, for 600 seconds.
     *
     * @param origin the {@code Origin} header, or null
     * @param requestMethod the {@code Access-Control-Request-Method} header, or null
     * @param requestHeaders the {@code Access-Control-Request-Headers} header (a comma list), or null
     */
    public CorsPreflight preflight(String origin, String requestMethod, String requestHeaders) {
        Grant grant = anyOrigin != null && origin != null ? anyOrigin : grantFor(origin);
        if (grant == null) {
            return new Refused(originRefusal(origin));
        }
        if (requestMethod == null || !ALLOWED_METHODS.contains(requestMethod)) {
            return new Refused("method " + QuotedInput.quote(requestMethod) + " is not allowed; allowed: "
                    + ALLOWED_METHODS_TEXT);
        }
        String header = firstHeaderNotAllowed(requestHeaders);
        if (header != null) {
            return new Refused("request header " + QuotedInput.quote(header) + " is not allowed; allowed: "
                    + ALLOWED_HEADERS_TEXT);
        }
        return grant.preflight();
    }

    /**
     * Whether a request is a CORS preflight: {@code OPTIONS} with both an {@code Origin} and an
     * {@code Access-Control-Request-Method} header (null when absent). A plain {@code OPTIONS} is not one.
     */
    public static boolean isPreflight(String method, String origin, String accessControlRequestMethod) {
        return "OPTIONS".equals(method) && origin != null && accessControlRequestMethod != null;
    }

    private Grant grantFor(String origin) {
        return origin == null || grants.isEmpty() ? null : grants.get(AsciiText.toLowerCase(origin));
    }

    private String originRefusal(String origin) {
        if (!enabled()) {
            return "cross-origin requests are not allowed: CORS_ORIGINS lists no origin";
        }
        return origin == null
                ? "a preflight must carry an Origin header"
                : "origin " + QuotedInput.quote(origin) + " is not listed in CORS_ORIGINS";
    }

    /** The first requested header outside the allowed set, or null when all are allowed. */
    private static String firstHeaderNotAllowed(String requested) {
        if (requested == null) {
            return null;
        }
        int start = 0;
        while (start <= requested.length()) {
            int comma = requested.indexOf(',', start);
            int end = comma < 0 ? requested.length() : comma;
            int from = AsciiText.skipBlanks(requested, start, end);
            int to = AsciiText.trimBlanks(requested, from, end);
            // Empty entries (a trailing comma) name no header, so they cannot ask for one that is not allowed.
            if (from < to && !isAllowedHeader(requested, from, to)) {
                return requested.substring(from, to);
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean isAllowedHeader(String text, int from, int to) {
        for (String allowed : ALLOWED_HEADERS) {
            if (AsciiText.equalsIgnoreCase(allowed, text, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static Grant grant(String allowOrigin, List<HeaderField> response) {
        return new Grant(response, new Allowed(List.of(
                new HeaderField(ALLOW_ORIGIN, allowOrigin),
                new HeaderField("Access-Control-Allow-Methods", ALLOWED_METHODS_TEXT),
                new HeaderField("Access-Control-Allow-Headers", ALLOWED_HEADERS_TEXT),
                new HeaderField("Access-Control-Max-Age", "600"),
                new HeaderField("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"))));
    }

    /** Lower case, without a default port: the form in which a browser serializes an origin. */
    private static String normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? "" : AsciiText.toLowerCase(uri.getScheme());
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (!web || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw notAnOrigin(origin);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
            return scheme + "://" + AsciiText.toLowerCase(uri.getHost()) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            throw notAnOrigin(origin);
        }
    }

    private static IllegalArgumentException notAnOrigin(String origin) {
        return new IllegalArgumentException("CORS_ORIGINS entry " + QuotedInput.quote(origin)
                + " must be * or an origin such as https://app.example.com (scheme, host, optional port; no path)");
    }
}
