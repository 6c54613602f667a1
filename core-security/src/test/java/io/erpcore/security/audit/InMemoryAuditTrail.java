package io.erpcore.security.audit;

import io.erpcore.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link AuditTrail} in memory, for tests of code that records or reads audit events without a
 * database. Chains with {@link AuditHashes#sha256()}; snapshots are stored as compact JSON.
 * Thread-safe: one lock for all tenants, which is plenty for tests.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final Map<TenantId, List<AuditRecord>> chains = new HashMap<>();
    private final AuditHasher hasher = AuditHashes.sha256();
    private final Clock clock;

    private InMemoryAuditTrail(Clock clock) {
        this.clock = clock;
    }

    public static InMemoryAuditTrail create() {
        return new InMemoryAuditTrail(Clock.systemUTC());
    }

    @Override
    public synchronized void record(AuditEvent event) {
        List<AuditRecord> chain = chains.computeIfAbsent(event.tenantId(), tenant -> new ArrayList<>());
        AuditHead head = chain.isEmpty() ? AuditHead.GENESIS : chain.get(chain.size() - 1).asHead();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!chain.isEmpty() && !at.isAfter(chain.get(chain.size() - 1).at())) {
            // Times follow the order of seq, as in a trail that reads its clock under the chain's lock.
            at = chain.get(chain.size() - 1).at().plus(1, ChronoUnit.MICROS);
        }
        AuditDraft draft = new AuditDraft(event.tenantId(), head.seq() + 1, UUID.randomUUID(), at,
                event.action().name(), event.actorId(),
                event.resource(), event.correlationId(), event.before().map(InMemoryAuditTrail::json),
                event.after().map(InMemoryAuditTrail::json), head.hash());
        chain.add(draft.sealedWith(hasher.hash(draft)));
    }

    @Override
    public synchronized AuditPage page(TenantId tenant, AuditQuery query) {
        long before = query.cursor().map(InMemoryAuditTrail::decode).orElse(Long.MAX_VALUE);
        List<AuditRecord> chain = chains.getOrDefault(tenant, List.of());
        List<AuditRecord> selected = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0 && selected.size() <= query.limit(); i--) {
            AuditRecord event = chain.get(i);
            if (event.seq() < before && query.action().map(action -> action.name().equals(event.action())).orElse(true)
                    && query.actorId().map(actor -> event.actorId().equals(Optional.of(actor))).orElse(true)
                    && query.from().map(from -> !event.at().isBefore(from)).orElse(true)
                    && query.until().map(event.at()::isBefore).orElse(true)) {
                selected.add(event);
            }
        }
        if (selected.size() <= query.limit()) {
            return new AuditPage(selected, Optional.empty());
        }
        List<AuditRecord> page = selected.subList(0, query.limit());
        return new AuditPage(page, Optional.of(encode(page.get(page.size() - 1).seq())));
    }

    @Override
    public synchronized AuditHead head(TenantId tenant) {
        List<AuditRecord> chain = chains.getOrDefault(tenant, List.of());
        return chain.isEmpty() ? AuditHead.GENESIS : chain.get(chain.size() - 1).asHead();
    }

    @Override
    public synchronized AuditVerification verify(TenantId tenant, Optional<AuditHead> published) {
        AuditChainCheck check = AuditChainCheck.of(hasher, published);
        chains.getOrDefault(tenant, List.of()).forEach(check::accept);
        return check.result();
    }

    private static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8).putLong(seq).array());
    }

    private static long decode(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length == 8) {
                return ByteBuffer.wrap(bytes).getLong();
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new InvalidAuditCursorException();
    }

    private static String json(AuditSnapshot snapshot) {
        StringBuilder json = new StringBuilder("{");
        snapshot.fields().forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quoted(key)).append(": ").append(value(value));
        });
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value == null || value instanceof Long || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> quoted((String) item)).reduce((a, b) -> a + ", " + b)
                    .map(items -> "[" + items + "]").orElse("[]");
        }
        return quoted((String) value);
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return "InMemoryAuditTrail[tenants=" + chains.size() + "]";
    }
}
