package io.erpcore.adapter.http;

import io.erpcore.metrics.MetricNames;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimitPolicies;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.SlowDown;
import io.erpcore.tenancy.Tenant;
import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import java.util.Map;

/**
 * The limits of the chain: the general limit per client and the progressive slow-down before
 * authentication, the limit per client and tenant after tenant resolution. Every limited answer
 * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of the
 * tightest limit it passed; a refused one is 429 with {@code Retry-After}.
 */
final class RateLimitSteps {

    private static final String LIMIT = "RateLimit-Limit";
    private static final String REMAINING = "RateLimit-Remaining";
    private static final String RESET = "RateLimit-Reset";

    private RateLimitSteps() {
    }

    /** {@code RATE_LIMIT_MAX} requests per client and window. */
    static NamedStep general(RateLimiter limiter, RateLimitPolicies policies, Metrics metrics) {
        RateLimit limit = policies.general();
        return new NamedStep("rate-limit", (ctx, request) -> {
            RateLimitDecision decision = limiter.tryConsume(request.clientKey(), limit);
            request.generalLimit(decision);
            enforce(ctx, request, decision, limit, metrics);
        });
    }

    /**
     * Past {@code SPEED_LIMIT_DELAY_AFTER} requests, each further one waits a step longer, without a
     * thread. The count is the general limit's: it sees the same requests of the same client in the
     * same window, so a second bucket (a second Redis round trip with a shared store) would only
     * repeat it.
     */
    static NamedStep slowDown(SlowDown slowDown) {
        return new NamedStep("slow-down", (ctx, request) -> {
            RateLimitDecision general = request.generalLimit();
            Duration delay = slowDown.delayOf((long) general.limit() - general.remaining());
            if (!delay.isZero()) {
                request.delayBy(delay);
            }
        });
    }

    /** {@code TENANT_RATE_LIMIT_MAX}, or the tenant's own {@code rateLimitMax}, per client and tenant. */
    static NamedStep tenant(RateLimiter limiter, RateLimitPolicies policies, Metrics metrics, ChainAudit audit) {
        return new NamedStep("tenant-rate-limit", (ctx, request) -> {
            Tenant tenant = request.tenant().orElse(null);
            if (tenant == null) {
                return;
            }
            RateLimit limit = policies.tenant(tenant.rateLimitMax());
            String key = RateLimitPolicies.tenantKey(request.clientKey(), tenant.id());
            RateLimitDecision decision = limiter.tryConsume(key, limit);
            if (!decision.allowed()) {
                audit.rateLimited(ctx.method().name(), request, tenant.id(), key, limit);
            }
            enforce(ctx, request, decision, limit, metrics);
        });
    }

    private static void enforce(Context ctx, ApiRequest request, RateLimitDecision decision, RateLimit limit, Metrics metrics) {
        boolean first = !request.hasRateLimit();
        if (request.tightestLimit(decision)) {
            HttpFields.Mutable headers = JettyHeaders.of(ctx);
            // The first limit adds its headers; a tighter one later replaces them, which costs a scan.
            if (first) {
                headers.add(new HttpField(null, LIMIT, Integer.toString(decision.limit())));
                headers.add(new HttpField(null, REMAINING, Integer.toString(decision.remaining())));
                headers.add(new HttpField(null, RESET, Long.toString(decision.resetSeconds())));
            } else {
                headers.put(LIMIT, Integer.toString(decision.limit()));
                headers.put(REMAINING, Integer.toString(decision.remaining()));
                headers.put(RESET, Long.toString(decision.resetSeconds()));
            }
        }
        if (!decision.allowed()) {
            metrics.counter(MetricNames.RATE_LIMIT_REJECTIONS_TOTAL, 1, Map.of("limit", limit.name()));
            throw ErrorCode.RATE_LIMITED.problem("the " + limit.name() + " limit of " + limit.capacity()
                    + " requests per " + limit.window().toSeconds() + " s is spent")
                    .retryAfter(Duration.ofSeconds(decision.retryAfterSeconds()));
        }
    }
}
