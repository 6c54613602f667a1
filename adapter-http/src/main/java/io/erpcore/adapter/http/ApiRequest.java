package io.erpcore.adapter.http;

import io.erpcore.logging.LogField;
import io.erpcore.security.Principal;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chain has learnt about one request: its correlation id, client, principal, tenant and
 * route. Created by the first step, kept on the Javalin context, read by handlers through
 * {@link #of(Context)}. Not thread-safe: a request is handled by one thread at a time.
 */
public final class ApiRequest {

    private static final String ATTRIBUTE = ApiRequest.class.getName();
    /** The route label of a request that matched no route: never the raw path, which is unbounded. */
    static final String UNMATCHED_ROUTE = "unmatched";

    private final long startNanos;
    private final String correlationId;
    private final Optional<String> traceId;
    private final Map<LogField, String> logFields = new EnumMap<>(LogField.class);
    private String clientIp = "unknown";
    private String clientKey = "unknown";
    private Principal principal;
    private Tenant tenant;
    private String route = UNMATCHED_ROUTE;
    private RouteAccess access;
    private boolean operational;
    private boolean answered;
    private Duration pendingDelay = Duration.ZERO;
    private RateLimitDecision tightestLimit;
    private RateLimitDecision generalLimit;

    private ApiRequest(long startNanos, String correlationId, Optional<String> traceId) {
        this.startNanos = startNanos;
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        logFields.put(LogField.CORRELATION_ID, correlationId);
        traceId.ifPresent(id -> logFields.put(LogField.TRACE_ID, id));
    }

    static ApiRequest start(Context ctx, long startNanos, String correlationId, Optional<String> traceId) {
        ApiRequest request = new ApiRequest(startNanos, correlationId, traceId);
        ctx.attribute(ATTRIBUTE, request);
        return request;
    }

    /**
     * The request state of {@code ctx}.
     *
     * @throws IllegalStateException when called outside an application built by {@link JavalinApplication}
     */
    public static ApiRequest of(Context ctx) {
        ApiRequest request = ctx.attribute(ATTRIBUTE);
        if (request == null) {
            throw new IllegalStateException("no ApiRequest on this context: the request did not pass the chain"
                    + " of a JavalinApplication");
        }
        return request;
    }

    static Optional<ApiRequest> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The correlation id, echoed as {@code X-Request-ID} and logged with every line. */
    public String correlationId() {
        return correlationId;
    }

    /** The W3C trace id of an incoming {@code traceparent}, if one came. */
    public Optional<String> traceId() {
        return traceId;
    }

    /** The client's address as resolved under {@code TRUST_PROXY}, for logs. */
    public String clientIp() {
        return clientIp;
    }

    /** The key that rate limits count the client by: its IPv4 address or its IPv6 /64. */
    public String clientKey() {
        return clientKey;
    }

    /** Who the verified credentials name; empty for an anonymous request. */
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /** The tenant the request runs as; empty before tenant resolution and on routes without one. */
    public Optional<Tenant> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** The tenant's id, when there is a tenant. */
    public Optional<TenantId> tenantId() {
        return tenant == null ? Optional.empty() : Optional.of(tenant.id());
    }

    /** The matched route template, {@code /api/v1/users/{id}}, or {@code unmatched}. */
    public String route() {
        return route;
    }

    /** Asks the chain to wait {@code delay} before the next step, without holding a thread. */
    public void delayBy(Duration delay) {
        if (!delay.isNegative() && delay.compareTo(pendingDelay) > 0) {
            pendingDelay = delay;
        }
    }

    long startNanos() {
        return startNanos;
    }

    boolean operational() {
        return operational;
    }

    boolean answered() {
        return answered;
    }

    /** The step that calls this has written the whole answer: no further step or handler runs. */
    void markAnswered(Context ctx) {
        answered = true;
        ctx.skipRemainingHandlers();
    }

    void generalLimit(RateLimitDecision decision) {
        this.generalLimit = decision;
    }

    RateLimitDecision generalLimit() {
        return generalLimit;
    }

    boolean hasRateLimit() {
        return tightestLimit != null;
    }

    /** Keeps {@code decision} if it leaves fewer requests than any before it; says whether it did. */
    boolean tightestLimit(RateLimitDecision decision) {
        if (tightestLimit == null || !decision.allowed() || decision.remaining() < tightestLimit.remaining()) {
            tightestLimit = decision;
            return true;
        }
        return false;
    }

    Duration takePendingDelay() {
        Duration delay = pendingDelay;
        pendingDelay = Duration.ZERO;
        return delay;
    }

    void client(String ip, String key) {
        this.clientIp = Objects.requireNonNull(ip, "ip");
        this.clientKey = Objects.requireNonNull(key, "key");
    }

    void principal(Principal principal) {
        this.principal = Objects.requireNonNull(principal, "principal");
        logFields.put(LogField.USER_ID, principal.subject());
        RequestMdc.put(LogField.USER_ID, principal.subject());
    }

    void tenant(Tenant tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        String id = tenant.id().toString();
        logFields.put(LogField.TENANT_ID, id);
        RequestMdc.put(LogField.TENANT_ID, id);
    }

    void route(String template, RouteAccess access) {
        this.route = Objects.requireNonNull(template, "template");
        this.access = Objects.requireNonNull(access, "access");
        this.operational = access.kind() == RouteAccess.Kind.OPERATIONAL;
    }

    /** Who may call the matched route; null before a route matched. */
    RouteAccess access() {
        return access;
    }

    /** The log context of this request, which {@link RequestMdc} binds to the thread serving it. */
    Map<LogField, String> logFields() {
        return logFields;
    }
}
