package io.erpcore.adapter.http;

import io.erpcore.security.ClientAddress;
import io.erpcore.security.ClientAddresses;
import io.erpcore.security.CorsPolicy;
import io.erpcore.security.CorsPreflight;
import io.erpcore.security.HeaderField;
import io.erpcore.security.SecurityHeaders;
import io.javalin.http.Context;
import java.util.ArrayList;
import org.eclipse.jetty.http.HttpField;
import java.util.Enumeration;
import java.util.List;

/**
 * The steps every request passes before any limit: security headers, CORS and the client address.
 * Their answers are computed once, at start-up, by the policies of core-security; here they are only
 * written, added rather than set (the answer has none of them yet, and {@code Vary} must keep what
 * compression puts there).
 */
final class ResponseSteps {

    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ResponseSteps() {
    }

    /** helmet's set, plus {@code Cache-Control: no-store}: on every answer, errors included. */
    static NamedStep securityHeaders(SecurityHeaders policy) {
        List<HeaderField> all = new ArrayList<>(policy.headers());
        all.add(SecurityHeaders.API_CACHE_CONTROL);
        HttpField[] fields = JettyHeaders.encode(all);
        return new NamedStep("security-headers", (ctx, request) -> JettyHeaders.add(ctx, fields));
    }

    /**
     * Answers an allowed preflight with 204 and its headers and ends the request; refuses another with
     * 403 and no {@code Access-Control-*} header; adds the CORS headers to every other answer.
     */
    static NamedStep cors(CorsPolicy policy) {
        JettyHeaders headers = new JettyHeaders();
        return new NamedStep("cors", (ctx, request) -> {
            String origin = ctx.header(ORIGIN);
            String requestedMethod = ctx.header(REQUEST_METHOD);
            if (CorsPolicy.isPreflight(ctx.method().name(), origin, requestedMethod)) {
                answerPreflight(ctx, request, policy.preflight(origin, requestedMethod, ctx.header(REQUEST_HEADERS)), headers);
                return;
            }
            JettyHeaders.add(ctx, headers.encoded(policy.responseHeaders(origin)));
        });
    }

    private static void answerPreflight(Context ctx, ApiRequest request, CorsPreflight preflight, JettyHeaders headers) {
        if (preflight instanceof CorsPreflight.Refused refused) {
            throw ErrorCode.CORS_REJECTED.problem(refused.reason());
        }
        JettyHeaders.add(ctx, headers.encoded(((CorsPreflight.Allowed) preflight).headers()));
        ctx.status(204);
        request.markAnswered(ctx); // a preflight is answered here: no limit, no tenant, no handler
    }

    /** The client behind the proxies {@code TRUST_PROXY} trusts, and the key its rate limits count by. */
    static NamedStep clientAddress(ClientAddresses resolver, boolean trustsProxies) {
        return new NamedStep("client-address", (ctx, request) -> {
            String forwardedFor = trustsProxies ? joined(ctx.req().getHeaders(FORWARDED_FOR)) : null;
            ClientAddress client = resolver.resolve(ctx.req().getRemoteAddr(), forwardedFor);
            request.client(client.text(), client.rateLimitKey());
        });
    }

    /** Every X-Forwarded-For line, in order: a proxy that adds its own line must not hide the client's. */
    private static String joined(Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        String first = lines.nextElement();
        if (!lines.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (lines.hasMoreElements()) {
            all.append(',').append(lines.nextElement());
        }
        return all.toString();
    }
}
