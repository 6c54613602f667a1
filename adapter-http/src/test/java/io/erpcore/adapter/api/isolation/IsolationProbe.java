package io.erpcore.adapter.api.isolation;

import static io.erpcore.adapter.api.StandaloneServer.json;

import io.erpcore.adapter.api.ReliabilityFigures;
import io.erpcore.adapter.api.StandaloneServer;
import io.erpcore.adapter.api.isolation.ProbePlan.Op;
import io.erpcore.adapter.http.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Sends the operations of a {@link ProbePlan} and judges each answer as it comes: a 2xx on another
 * tenant's resource is a failure at once, and every row of a 2xx answer is recorded under the
 * caller's tenant, to be checked against what belongs to it once every operation has run
 * ({@link ForeignRows}). Thread-safe: the client threads share one probe.
 */
final class IsolationProbe {

    private final StandaloneServer server;
    private final HttpTestClient http;
    private final List<ProbeTenant> tenants;
    private final ForeignRows rows;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder foreignAttempts = new LongAdder();
    private final Map<String, LongAdder> perKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perAnswer = new ConcurrentHashMap<>();

    IsolationProbe(StandaloneServer server, List<ProbeTenant> tenants) {
        this.server = server;
        this.http = server.http();
        this.tenants = tenants;
        this.rows = new ForeignRows(tenants);
    }

    /** Sends {@code op} and judges its answers. */
    void run(Op op) {
        perKind.computeIfAbsent(op.kind().name(), kind -> new LongAdder()).increment();
        if (op.kind().foreign()) {
            foreignAttempts.increment();
        }
        ProbeTenant a = tenants.get(op.caller());
        ProbeTenant b = tenants.get(op.target());
        String[] credentials = a.authorization(op.credential());
        String bUser = b.users.get(op.pick() % b.users.size());
        String bKey = b.keys.get(op.pick() % b.keys.size());
        switch (op.kind()) {
            case READ_FOREIGN_USER -> refused(op, send("GET", "/api/v1/users/" + bUser, null, credentials));
            case PATCH_FOREIGN_USER -> refused(op, send("PATCH", "/api/v1/users/" + bUser,
                    "{\"displayName\":\"Taken over by tenant " + a.index + "\"}", credentials));
            case DELETE_FOREIGN_USER -> refused(op, send("DELETE", "/api/v1/users/" + bUser, null, credentials));
            case DELETE_FOREIGN_KEY -> refused(op, send("DELETE", "/api/v1/api-keys/" + bKey, null, credentials));
            case USERS_AFTER_FOREIGN_CURSOR -> rows.users(op, a, send("GET", "/api/v1/users?limit=" + op.limit()
                    + "&cursor=" + b.usersCursor, null, credentials));
            case KEYS_AFTER_FOREIGN_CURSOR -> rows.keys(op, a, send("GET", "/api/v1/api-keys?limit=" + op.limit()
                    + "&cursor=" + b.keysCursor, null, credentials));
            case AUDIT_AFTER_FOREIGN_CURSOR -> rows.auditEvents(op, a, send("GET", "/api/v1/audit-events?limit="
                    + op.limit() + "&cursor=" + b.auditCursor, null, credentials));
            case AUDIT_BY_FOREIGN_ACTOR -> rows.auditEvents(op, a, send("GET", "/api/v1/audit-events?actorId=" + bUser,
                    null, credentials));
            case FOREIGN_TENANT_HEADER -> refused(op, foreignHeader(op, a, b, credentials));
            case FOREIGN_TENANT_HEADER_AND_ID -> refused(op, foreignHeaderAndId(op, b, bUser, bKey, credentials));
            case SIGN_IN_ACROSS -> refused(op, send("POST", "/api/v1/auth/login", "{\"tenant\":\""
                    + (op.pick() % 2 == 0 ? a.account.slug() : a.id()) + "\",\"email\":\"" + b.account.ownerEmail()
                    + "\",\"password\":\"" + StandaloneServer.OWNER_PASSWORD + "\"}"));
            case LOG_OUT_FOREIGN_SESSION -> logOutForeignSession(op, b, credentials);
            case OWN_READ -> ownRead(op, a, credentials);
            case OWN_WRITE -> ownWrite(op, a, credentials);
        }
    }

    /** {@code X-Tenant-ID} naming the other tenant, with the caller's own credentials, on the caller's own resources. */
    private HttpResponse<String> foreignHeader(Op op, ProbeTenant a, ProbeTenant b, String[] credentials) {
        String[] headers = {credentials[0], credentials[1], "X-Tenant-ID", b.id()};
        String own = a.users.get(op.pick() % a.users.size());
        return switch (op.pick() % 7) {
            case 0 -> send("GET", "/api/v1/me", null, headers);
            case 1 -> send("GET", "/api/v1/users?limit=" + op.limit(), null, headers);
            case 2 -> send("GET", "/api/v1/api-keys", null, headers);
            case 3 -> send("GET", "/api/v1/audit-events", null, headers);
            case 4 -> send("GET", "/api/v1/users/" + own, null, headers);
            case 5 -> send("POST", "/api/v1/users", newUser(op, b), headers);
            default -> send("PATCH", "/api/v1/users/" + own, "{\"displayName\":\"Renamed in tenant " + b.index + "\"}",
                    headers);
        };
    }

    /** {@code X-Tenant-ID} naming the other tenant and a path naming its resource: the caller's token claims neither. */
    private HttpResponse<String> foreignHeaderAndId(Op op, ProbeTenant b, String bUser, String bKey, String[] credentials) {
        String[] headers = {credentials[0], credentials[1], "X-Tenant-ID", b.id()};
        return switch (op.pick() % 3) {
            case 0 -> send("GET", "/api/v1/users/" + bUser, null, headers);
            case 1 -> send("PATCH", "/api/v1/users/" + bUser, "{\"displayName\":\"Taken over\"}", headers);
            default -> send("DELETE", "/api/v1/api-keys/" + bKey, null, headers);
        };
    }

    /**
     * Logs out with the other tenant's refresh token. The answer is 204 whatever the token (it tells
     * nothing), so what counts is the effect: the other tenant's session must still refresh.
     */
    private void logOutForeignSession(Op op, ProbeTenant b, String[] credentials) {
        b.withMemberSession(token -> {
            send("POST", "/api/v1/auth/logout", "{\"refreshToken\":\"" + token + "\"}", credentials);
            HttpResponse<String> refreshed = send("POST", "/api/v1/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
            if (refreshed.statusCode() != 200) {
                fail(op, "tenant " + b.index + "'s session no longer refreshes after another tenant's logout", refreshed);
                return token;
            }
            return json(refreshed).get("refreshToken").asText();
        });
    }

    private void ownRead(Op op, ProbeTenant a, String[] credentials) {
        String own = a.users.get(op.pick() % a.users.size());
        switch (op.pick() % 5) {
            case 0 -> rows.user(op, a, send("GET", "/api/v1/users/" + own, null, credentials));
            case 1 -> rows.users(op, a, send("GET", "/api/v1/users?limit=" + op.limit(), null, credentials));
            case 2 -> rows.keys(op, a, send("GET", "/api/v1/api-keys?limit=" + op.limit(), null, credentials));
            case 3 -> rows.auditEvents(op, a, send("GET", "/api/v1/audit-events?limit=" + op.limit(), null, credentials));
            default -> rows.user(op, a, send("GET", "/api/v1/me", null, credentials));
        }
    }

    /** Creates a user or a key in the caller's tenant, or renames one of its users: the tenants' data keeps moving. */
    private void ownWrite(Op op, ProbeTenant a, String[] credentials) {
        switch (op.pick() % 3) {
            case 0 -> {
                HttpResponse<String> created = send("POST", "/api/v1/users", newUser(op, a), credentials);
                if (created.statusCode() == 201) {
                    a.knownUsers.add(json(created).get("id").asText());
                }
                rows.user(op, a, created);
            }
            case 1 -> {
                HttpResponse<String> created = send("POST", "/api/v1/api-keys",
                        "{\"name\":\"probe " + op.number() + "\",\"scopes\":[\"users:read\"]}", credentials);
                if (created.statusCode() == 201) {
                    a.knownKeys.add(json(created).get("id").asText());
                }
                rows.key(op, a, created);
            }
            default -> rows.user(op, a, send("PATCH", "/api/v1/users/" + a.users.get(3 + op.pick() % 3),
                    "{\"displayName\":\"Renamed by op " + op.number() + "\"}", credentials));
        }
    }

    private static String newUser(Op op, ProbeTenant tenant) {
        return "{\"email\":\"probe-" + op.number() + "@" + tenant.account.slug() + ".example\",\"displayName\":\"Probe\","
                + "\"password\":\"" + StandaloneServer.USER_PASSWORD + "\",\"roles\":[\"member\"]}";
    }

    /** A request on another tenant's resource: anything but a 2xx. */
    private void refused(Op op, HttpResponse<String> answer) {
        if (answer.statusCode() / 100 == 2) {
            fail(op, "a 2xx on another tenant's resource", answer);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        requests.increment();
        HttpResponse<String> answer = switch (method) {
            case "GET" -> http.get(path, headers);
            case "DELETE" -> server.delete(path, headers);
            default -> http.send(method, path, "application/json", body, headers);
        };
        String code = answer.statusCode() >= 400 ? " " + json(answer).path("code").asText() : "";
        perAnswer.computeIfAbsent(answer.statusCode() + code, key -> new LongAdder()).increment();
        if (answer.statusCode() >= 500) {
            serverErrors.add(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private void fail(Op op, String what, HttpResponse<String> answer) {
        failures.add(op + ": " + what + " - answered " + answer.statusCode() + " " + answer.body());
    }

    /** The operations answered 2xx on another tenant's resource, or that ended another tenant's session. */
    List<String> foreignSuccesses() {
        return new ArrayList<>(failures);
    }

    /** Every 5xx answered so far. */
    List<String> serverErrors() {
        return new ArrayList<>(serverErrors);
    }

    /** The rows of other tenants found among everything answered, checked now that every id is known. */
    List<String> foreignRows() {
        return rows.foreign();
    }

    long requests() {
        return requests.sum();
    }

    long foreignAttempts() {
        return foreignAttempts.sum();
    }

    long rowsChecked() {
        return rows.checked();
    }

    long answered(String statusAndCode) {
        return perAnswer.getOrDefault(statusAndCode, new LongAdder()).sum();
    }

    /** The counts, for the test output. */
    String summary() {
        return "Isolation probe: " + requests.sum() + " requests by " + tenants.size() + " tenants, "
                + foreignAttempts.sum() + " on another tenant's resource, " + rows.checked() + " rows checked, "
                + failures.size() + " foreign 2xx, " + serverErrors.size() + " 5xx"
                + "\n  per operation: " + sorted(perKind)
                + "\n  per answer:    " + sorted(perAnswer);
    }

    /** The counts as figures for docs/RELIABILITY.md, the plan drawn from {@code seed}. */
    ReliabilityFigures figures(long seed, int threads) {
        ReliabilityFigures figures = ReliabilityFigures.of("isolation", IsolationProbeTest.class,
                        "no_request_reaches_the_data_of_another_tenant", tenants.size() + " tenants made through the API send "
                        + "requests on " + threads + " threads, most at another tenant's users, keys, cursors, id and tokens")
                .setting("seed", seed)
                .add("requests", requests.sum(), "", "requests the probe sent")
                .add("on another tenant's resource", foreignAttempts.sum(), "", "of those, aimed at another tenant")
                .add("rows checked", rows.checked(), "", "rows in answers checked to belong to the caller's tenant")
                .add("foreign 2xx", failures.size(), "", "requests on another tenant's resource that succeeded; must be 0")
                .add("5xx", serverErrors.size(), "", "server errors; must be 0");
        new TreeMap<>(perKind).forEach((kind, count) -> figures.add("operation " + kind, count.sum(), "", "operations of this kind"));
        new TreeMap<>(perAnswer).forEach((answer, count) -> figures.add("answered " + answer, count.sum(), "", "answers with this status and code"));
        return figures;
    }

    private static String sorted(Map<String, LongAdder> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue().sum())
                .collect(Collectors.joining(", "));
    }
}
