package io.erpcore.adapter.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.security.Principal;
import io.erpcore.security.RateLimit;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditEvent;
import io.erpcore.security.audit.AuditSink;
import io.erpcore.security.audit.AuditSnapshot;
import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit events the chain itself writes: a permission denied and a tenant's rate limit hit.
 * Both happen on a request that is being refused anyway, so a failure to record is logged and the
 * refusal stands. A rate limit is recorded once per client, tenant and window, not per refused
 * request: a client hammering a spent limit must not turn each refusal into a database write.
 * The resource of both is the route, {@code GET /api/v1/users/{id}}.
 */
final class ChainAudit {

    private static final StructuredLogger LOG = StructuredLogger.forModule("audit");
    private static final int MAX_REMEMBERED_LIMITS = 10_000;

    private final AuditSink sink;
    private final Cache<String, Boolean> recordedLimits;

    ChainAudit(AuditSink sink, Duration limitWindow) {
        this.sink = sink;
        this.recordedLimits = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED_LIMITS)
                .expireAfterWrite(limitWindow).executor(Runnable::run).build();
    }

    void permissionDenied(String method, ApiRequest request, TenantId tenant, Principal principal, String permission) {
        record(method, request, tenant, AuditAction.PERMISSION_DENIED, Optional.of(principal),
                AuditSnapshot.builder().put("permission", permission).put("subject", principal.subject()).build());
    }

    void rateLimited(String method, ApiRequest request, TenantId tenant, String limitKey, RateLimit limit) {
        if (recordedLimits.asMap().putIfAbsent(limitKey, Boolean.TRUE) != null) {
            return;
        }
        record(method, request, tenant, AuditAction.RATE_LIMITED, request.principal(), AuditSnapshot.builder()
                .put("limit", limit.name()).put("capacity", limit.capacity())
                .put("windowSeconds", limit.window().toSeconds()).build());
    }

    private void record(String method, ApiRequest request, TenantId tenant, AuditAction action, Optional<Principal> principal,
            AuditSnapshot details) {
        try {
            sink.record(new AuditEvent(tenant, action, principal.flatMap(ChainAudit::userId),
                    method + " " + request.route(), Optional.empty(), Optional.of(details),
                    Optional.of(request.correlationId())));
        } catch (RuntimeException e) {
            LOG.error("could not record audit event", e, Map.of("auditAction", action.name(),
                    "tenantId", tenant.toString()));
        }
    }

    /** The acting user's id, when the principal's subject is one. */
    private static Optional<UUID> userId(Principal principal) {
        try {
            return Optional.of(UUID.fromString(principal.subject()));
        } catch (IllegalArgumentException notAUser) {
            return Optional.empty();
        }
    }
}
