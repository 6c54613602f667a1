package io.erpcore.adapter.http;

import io.erpcore.config.AppConfig;
import io.erpcore.config.TrustProxy;
import io.erpcore.metrics.Metrics;
import io.erpcore.security.Authenticator;
import io.erpcore.security.ClientAddresses;
import io.erpcore.security.CorsPolicy;
import io.erpcore.security.RateLimitPolicies;
import io.erpcore.security.RateLimiter;
import io.erpcore.security.SecurityHeaders;
import io.erpcore.security.SlowDown;
import io.erpcore.security.audit.AuditSink;
import io.erpcore.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps of DESIGN section 4 in their order, built once from the configuration. */
final class ChainSteps {

    private ChainSteps() {
    }

    /** What every request passes, unknown paths and operational endpoints included. */
    static List<NamedStep> everyRequest(AppConfig config, boolean cors) {
        List<NamedStep> steps = new ArrayList<>();
        steps.add(ResponseSteps.securityHeaders(SecurityHeaders.forEnvironment(config.environment())));
        CorsPolicy corsPolicy = CorsPolicy.from(config.corsConfig());
        if (cors && corsPolicy.enabled()) {
            steps.add(ResponseSteps.cors(corsPolicy));
        }
        TrustProxy trust = config.serverConfig().trustProxy();
        steps.add(ResponseSteps.clientAddress(ClientAddresses.from(trust), !(trust instanceof TrustProxy.None)));
        steps.add(EdgeSteps.bodyLimit(config.requestLimitConfig().bodyLimit().bytes()));
        return steps;
    }

    /** What a request to an API route passes before its handler, with the embedder's middleware at its points. */
    static List<NamedStep> apiRoutes(AppConfig config, Metrics metrics, Optional<RateLimiter> limiter,
            Authenticator authenticator, TenantDirectory tenants, Map<ChainPoint, List<NamedStep>> middleware,
            AuditSink auditSink) {
        ChainAudit audit = new ChainAudit(auditSink, config.rateLimitConfig().window());
        RateLimitPolicies policies = RateLimitPolicies.from(config.rateLimitConfig());
        List<NamedStep> steps = new ArrayList<>();
        limiter.ifPresent(rates -> {
            steps.add(RateLimitSteps.general(rates, policies, metrics));
            steps.add(RateLimitSteps.slowDown(SlowDown.of(config.rateLimitConfig(), rates)));
        });
        steps.addAll(middleware.getOrDefault(ChainPoint.BEFORE_AUTHENTICATION, List.of()));
        steps.add(PlatformSteps.exceptOnPlatformRoutes(RouteSteps.authentication(authenticator)));
        steps.add(RouteSteps.tenantResolution(tenants));
        limiter.ifPresent(rates -> steps.add(RateLimitSteps.tenant(rates, policies, metrics, audit)));
        steps.addAll(middleware.getOrDefault(ChainPoint.AFTER_TENANT, List.of()));
        steps.add(PlatformSteps.platformAuthorization(config.opsTokens().platformAdminToken()));
        steps.add(RouteSteps.authorization(audit));
        steps.addAll(middleware.getOrDefault(ChainPoint.BEFORE_HANDLER, List.of()));
        steps.add(EdgeSteps.jsonBody());
        return steps;
    }
}
