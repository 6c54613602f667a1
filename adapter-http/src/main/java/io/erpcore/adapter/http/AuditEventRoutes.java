package io.erpcore.adapter.http;

import com.fasterxml.jackson.databind.util.RawValue;
import io.erpcore.security.audit.AuditAction;
import io.erpcore.security.audit.AuditHead;
import io.erpcore.security.audit.AuditPage;
import io.erpcore.security.audit.AuditQuery;
import io.erpcore.security.audit.AuditRecord;
import io.erpcore.security.audit.AuditTrail;
import io.erpcore.security.audit.AuditVerification;
import io.erpcore.security.audit.InvalidAuditCursorException;
import io.erpcore.tenancy.TenantId;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The audit endpoints of the standalone API, for the caller's own tenant, with permission
 * {@code audit:read}: {@code GET /api/v1/audit-events} lists the trail newest first, filtered by
 * {@code action}, {@code actorId}, {@code from} and {@code until} (ISO-8601, from inclusive, until
 * exclusive) and paged by {@code limit} and {@code cursor}; {@code GET /api/v1/audit-events/verify}
 * recomputes the chain, against {@code ?head=<seq>:<hash>} when given (a head published earlier).
 */
public final class AuditEventRoutes {

    /** The permission both routes need. */
    public static final String PERMISSION = "audit:read";

    private final AuditTrail trail;

    private AuditEventRoutes(AuditTrail trail) {
        this.trail = trail;
    }

    /** Registers both routes, reading from {@code trail}. */
    public static void register(ApiRoutes routes, AuditTrail trail) {
        AuditEventRoutes audit = new AuditEventRoutes(Objects.requireNonNull(trail, "trail"));
        routes.get("/api/v1/audit-events", RouteAccess.tenant(PERMISSION), audit::list);
        routes.get("/api/v1/audit-events/verify", RouteAccess.tenant(PERMISSION), audit::verify);
    }

    private void list(Context ctx) {
        AuditQuery query = query(ctx);
        AuditPage page;
        try {
            page = trail.page(tenant(ctx), query);
        } catch (InvalidAuditCursorException e) {
            throw ProblemException.validation("the query is not valid", List.of(new FieldError("cursor", e.getMessage())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.events().stream().map(AuditEventRoutes::event).toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(body);
    }

    private void verify(Context ctx) {
        Errors errors = new Errors();
        Optional<AuditHead> published = errors.parse(ctx, "head", AuditHead::parse,
                "must be a published head, <seq>:<64 lower-case hex digits>");
        errors.throwIfAny();
        AuditVerification result = trail.verify(tenant(ctx), published);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", result.valid());
        body.put("checked", result.checked());
        body.put("head", result.head().hash());
        body.put("headSeq", result.head().seq());
        body.put("firstBrokenSeq", result.firstBrokenSeq().orElse(null));
        body.put("reason", result.reason().orElse(null));
        ctx.json(body);
    }

    private static AuditQuery query(Context ctx) {
        Errors errors = new Errors();
        Optional<AuditAction> action = errors.parse(ctx, "action", AuditAction::of,
                "must be an audit action such as user.created");
        Optional<UUID> actor = errors.parse(ctx, "actorId", UUID::fromString, "must be a UUID");
        Optional<Instant> from = errors.parse(ctx, "from", Instant::parse,
                "must be an ISO-8601 instant such as 2026-03-01T09:30:00Z");
        Optional<Instant> until = errors.parse(ctx, "until", Instant::parse,
                "must be an ISO-8601 instant such as 2026-03-01T09:30:00Z");
        Optional<Integer> limit = errors.parse(ctx, "limit", AuditEventRoutes::limit,
                "must be a whole number from 1 to " + AuditQuery.MAX_LIMIT);
        Optional<String> cursor = Optional.ofNullable(ctx.queryParam("cursor"));
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            errors.add("until", "must be later than 'from'");
        }
        errors.throwIfAny();
        return new AuditQuery(action, actor, from, until, cursor, limit.orElse(AuditQuery.DEFAULT_LIMIT));
    }

    private static int limit(String text) {
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("out of range");
        }
        return limit;
    }

    private static TenantId tenant(Context ctx) {
        // The route is a tenant route: the chain has resolved and admitted the tenant before this runs.
        return ApiRequest.of(ctx).tenantId().orElseThrow();
    }

    /** The wire form of DESIGN section 4, plus the correlation id; before and after stay JSON objects. */
    private static Map<String, Object> event(AuditRecord record) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", record.id().toString());
        event.put("seq", record.seq());
        event.put("action", record.action());
        event.put("actorId", record.actorId().map(UUID::toString).orElse(null));
        event.put("resource", record.resource());
        event.put("correlationId", record.correlationId().orElse(null));
        event.put("before", record.before().map(RawValue::new).orElse(null));
        event.put("after", record.after().map(RawValue::new).orElse(null));
        event.put("at", record.at().toString());
        event.put("hash", record.hash());
        return event;
    }

    /** Every malformed query parameter, reported together. */
    private static final class Errors {

        private final List<FieldError> errors = new ArrayList<>();

        <T> Optional<T> parse(Context ctx, String name, Function<String, T> parser, String rule) {
            String text = ctx.queryParam(name);
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                add(name, rule);
                return Optional.empty();
            }
        }

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw ProblemException.validation("the query is not valid", errors);
            }
        }
    }
}
