package io.erpcore.adapter.api.corpus;

import static io.erpcore.adapter.api.corpus.Probe.Expectation.contractOnly;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.invalid;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.problem;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.refused;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.erpcore.adapter.api.RawHttp;
import io.erpcore.adapter.api.corpus.ApiRoute.Access;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The bad-input corpus: every route of {@link CorpusServer#routes()} crossed with every mutation of a
 * family, authenticated and anonymous. The families about content (bodies, ids, cursors, strings)
 * are generated here from the hostile values of {@link BadInputs}; those about the request's
 * framing (sizes, repeated headers) are in {@link FramingCorpus}.
 */
final class BadInputCorpus {

    /** Fields where null is a value (no phone, no own rate limit), not a wrong type. */
    private static final Set<String> NULLABLE = Set.of("POST /api/v1/users phone", "PATCH /api/v1/users/{id} phone",
            "PATCH /api/v1/tenants/{id} rateLimitMax");
    /** Fields whose value a successful answer gives back as stored. */
    private static final Set<String> ECHOED = Set.of("displayName", "name");
    private static final int DEEP = 10_000;

    private final CorpusServer server;
    private final List<ApiRoute> routes;

    BadInputCorpus(CorpusServer server) {
        this.server = server;
        this.routes = server.routes();
    }

    List<ApiRoute> routes() {
        return routes;
    }

    /** Bodies that are not JSON: 400 {@code MALFORMED_JSON} once past the door. */
    List<Probe> malformedJson() {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : bodyRoutes()) {
            for (String text : BadInputs.MALFORMED_JSON) {
                for (boolean authenticated : new boolean[] {true, false}) {
                    probes.add(probe("malformed-json", route, authenticated, "body " + text, defaultTarget(route),
                            text.getBytes(StandardCharsets.UTF_8))
                            .expecting(atTheDoor(route, authenticated, problem(400, "MALFORMED_JSON"))));
                }
            }
        }
        return probes;
    }

    /** 10,000 levels of arrays and objects, closed or not: refused by the parser's depth limit, not the stack. */
    List<Probe> deepNesting() {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : bodyRoutes()) {
            String field = route.validBody().fieldNames().next();
            Map<String, String> bodies = Map.of(
                    "10,000 nested arrays", "[".repeat(DEEP) + "]".repeat(DEEP),
                    "10,000 nested objects", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP),
                    "10,000 unclosed arrays", "[".repeat(DEEP),
                    "10,000 nested arrays in '" + field + "'", "{\"" + field + "\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
            bodies.forEach((what, text) -> addBoth(probes, authenticated -> probe("deep-nesting", route, authenticated,
                    what, defaultTarget(route), text.getBytes(StandardCharsets.UTF_8))
                    .expecting(atTheDoor(route, authenticated, problem(400, "MALFORMED_JSON")))));
            String parseable = "{\"" + field + "\":" + "[".repeat(500) + "]".repeat(500) + "}";
            addBoth(probes, authenticated -> probe("deep-nesting", route, authenticated, "500 nested arrays in '" + field
                    + "'", defaultTarget(route), parseable.getBytes(StandardCharsets.UTF_8))
                    .expecting(atTheDoor(route, authenticated, invalid(field))));
        }
        return probes;
    }

    /** Every field of every body, given each value of a wrong type: 400 {@code VALIDATION_FAILED} naming it. */
    List<Probe> wrongTypes() {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : bodyRoutes()) {
            for (Field field : fields(route.validBody(), "")) {
                List<JsonNode> values = new ArrayList<>(wrongValues(field.value()));
                if (!NULLABLE.contains(route + " " + field.path())) {
                    values.add(JsonNodeFactory.instance.nullNode());
                }
                for (JsonNode value : values) {
                    addBoth(probes, authenticated -> {
                        ObjectNode body = route.validBody();
                        set(body, field.path(), value);
                        return probe("wrong-types", route, authenticated, field.path() + " = " + value,
                                defaultTarget(route), WireText.json(body))
                                .expecting(atTheDoor(route, authenticated, invalid(field.path())));
                    });
                }
            }
        }
        return probes;
    }

    /** Path ids that are no UUID or nobody's, a malformed {@code X-Tenant-ID}, a malformed id in a query or body. */
    List<Probe> invalidIds() {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : routes.stream().filter(ApiRoute::hasId).toList()) {
            for (String id : BadInputs.BAD_IDS) {
                addBoth(probes, authenticated -> probe("invalid-ids", route, authenticated, "id " + id,
                        route.pathWith(WireText.percentEncoded(id)), bodyOf(route))
                        .expecting(atTheDoor(route, authenticated, problem(404, "NOT_FOUND"))));
            }
        }
        for (ApiRoute route : routes.stream().filter(route -> route.access() == Access.TENANT).toList()) {
            for (String header : BadInputs.BAD_TENANT_HEADERS) {
                // An empty value is no value: the route serves the credentials' tenant.
                Probe.Expectation malformed = header.isBlank() ? contractOnly() : problem(400, "MALFORMED_TENANT");
                addBoth(probes, authenticated -> probe("invalid-ids", route, authenticated, "X-Tenant-ID " + header,
                        defaultTarget(route), bodyOf(route), "X-Tenant-ID", header)
                        .expecting(atTheDoor(route, authenticated, malformed)));
            }
        }
        ApiRoute audit = route("GET /api/v1/audit-events");
        ApiRoute login = route("POST /api/v1/auth/login");
        for (String id : BadInputs.BAD_IDS) {
            probes.add(probe("invalid-ids", audit, true, "actorId " + id, audit.path() + "?actorId="
                    + WireText.percentEncoded(id), null).expecting(invalidOrNoRows("actorId")));
            ObjectNode body = login.validBody().put("tenant", id);
            probes.add(probe("invalid-ids", login, false, "tenant " + id, login.path(), WireText.json(body))
                    .expecting(problem(401, "INVALID_CREDENTIALS")));
        }
        return probes;
    }

    /** Limits outside 1..100 or not numbers, and cursors no list handed out: 400 naming the parameter. */
    List<Probe> cursorsAndLimits(List<String> handedOutCursors) {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : routes.stream().filter(route -> route.query().contains("cursor")).toList()) {
            for (String limit : BadInputs.BAD_LIMITS) {
                addBoth(probes, authenticated -> probe("cursors-and-limits", route, authenticated, "limit=" + limit,
                        route.path() + "?limit=" + limit, null).expecting(atTheDoor(route, authenticated, invalid("limit"))));
            }
            for (String cursor : BadInputs.badCursors()) {
                addBoth(probes, authenticated -> probe("cursors-and-limits", route, authenticated, "cursor=" + cursor,
                        route.path() + "?cursor=" + cursor, null).expecting(atTheDoor(route, authenticated,
                        invalid("cursor"))));
            }
            // Another list's cursor, or another tenant's, is well-formed: it is a position, answered or refused.
            for (String cursor : handedOutCursors) {
                probes.add(probe("cursors-and-limits", route, true, "handed-out cursor " + cursor,
                        route.path() + "?limit=100&cursor=" + cursor, null));
            }
        }
        return probes;
    }

    /**
     * {@code strings} in every string field of every body (authenticated and anonymous), in every
     * path (as the id and as an extra segment) and in every query parameter the routes read, plus
     * one they do not. Stored text must come back as it was sent.
     */
    List<Probe> hostileStrings(String family, List<String> strings) {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : bodyRoutes()) {
            for (Field field : fields(route.validBody(), "")) {
                if (!field.value().isTextual() && !field.value().isArray()) {
                    continue;
                }
                for (String text : strings) {
                    JsonNode value = field.value().isArray() ? JsonNodeFactory.instance.arrayNode().add(text)
                            : JsonNodeFactory.instance.textNode(text);
                    Probe.Expectation stored = ECHOED.contains(field.path())
                            ? Probe.Expectation.echoes(field.path(), text) : contractOnly();
                    addBoth(probes, authenticated -> {
                        ObjectNode body = route.validBody();
                        set(body, field.path(), value);
                        return probe(family, route, authenticated, field.path() + " = " + text, defaultTarget(route),
                                WireText.json(body)).expecting(atTheDoor(route, authenticated, stored));
                    });
                }
            }
        }
        for (ApiRoute route : routes) {
            for (String text : strings) {
                String encoded = WireText.percentEncoded(text);
                if (route.hasId()) {
                    probes.add(probe(family, route, true, "id " + text, route.pathWith(encoded), bodyOf(route))
                            .mayBeRefusedByJetty().expecting(problem(404, "NOT_FOUND")));
                }
                probes.add(probe(family, route, true, "extra path segment " + text, defaultTarget(route) + "/" + encoded,
                        bodyOf(route)).mayBeRefusedByJetty().expecting(refused()));
                for (String parameter : route.query()) {
                    probes.add(probe(family, route, true, parameter + "=" + text, route.path() + "?" + parameter + "="
                            + encoded, null).expecting(parameter.equals("actorId") ? invalidOrNoRows(parameter)
                            : invalid(parameter)));
                }
                probes.add(probe(family, route, true, "q=" + text, defaultTarget(route) + "?q=" + encoded, bodyOf(route)));
            }
        }
        probes.addAll(hostileHeaders(family, strings));
        return probes;
    }

    /** {@code strings} as raw UTF-8 in the headers the chain reads: the tenant, the credentials, the correlation id. */
    private List<Probe> hostileHeaders(String family, List<String> strings) {
        ApiRoute me = route("GET /api/v1/me");
        ApiRoute ping = route("GET /ping");
        List<Probe> probes = new ArrayList<>();
        for (String text : strings) {
            String raw = WireText.rawBytes(text);
            probes.add(probe(family, me, true, "X-Tenant-ID " + text, me.path(), null, "X-Tenant-ID", raw)
                    .mayBeRefusedByJetty().expecting(problem(400, "MALFORMED_TENANT")));
            for (String scheme : new String[] {"Bearer ", "ApiKey ", ""}) {
                probes.add(probe(family, me, false, "Authorization " + scheme + text, me.path(), null, "Authorization",
                        scheme + raw).mayBeRefusedByJetty().expecting(refused()));
            }
            probes.add(probe(family, ping, false, "X-Request-ID " + text, ping.path(), null, "X-Request-ID", raw)
                    .mayBeRefusedByJetty());
        }
        return probes;
    }

    /** The request with the credentials the route admits when {@code authenticated}, then {@code headers}, then the body's. */
    Probe probe(String family, ApiRoute route, boolean authenticated, String what, String target, byte[] body,
            String... headers) {
        List<String> all = new ArrayList<>();
        if (authenticated) {
            all.addAll(server.credentials(route));
        }
        all.addAll(List.of(headers));
        return exactly(family, route, authenticated, what, target, body, all);
    }

    /** The request with exactly {@code headers}, then the body's ({@code Content-Type} unless given, and its length). */
    Probe exactly(String family, ApiRoute route, boolean authenticated, String what, String target, byte[] body,
            List<String> headers) {
        List<String> all = new ArrayList<>(headers);
        if (body != null && !all.contains("Content-Type")) {
            all.add("Content-Type");
            all.add("application/json");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        return new Probe(family, route, authenticated, what, route.method(), target, RawHttp.withLength(all, bytes), bytes,
                false, contractOnly());
    }

    /** Anonymous requests to tenant and platform routes stop at the door with 401; the others get {@code past}. */
    static Probe.Expectation atTheDoor(ApiRoute route, boolean authenticated, Probe.Expectation past) {
        boolean guarded = route.access() == Access.TENANT || route.access() == Access.PLATFORM;
        return guarded && !authenticated ? problem(401, "NOT_AUTHENTICATED") : past;
    }

    String defaultTarget(ApiRoute route) {
        return route.pathWith(server.usualId(route));
    }

    byte[] bodyOf(ApiRoute route) {
        return route.hasBody() ? WireText.json(route.validBody()) : null;
    }

    List<ApiRoute> bodyRoutes() {
        return routes.stream().filter(ApiRoute::hasBody).toList();
    }

    ApiRoute route(String name) {
        return routes.stream().filter(route -> route.toString().equals(name)).findFirst().orElseThrow();
    }

    private static Probe.Expectation invalidOrNoRows(String parameter) {
        return (answer, body) -> answer.status() == 200 && body.map(json -> json.path("data").isEmpty()).orElse(false)
                ? Optional.empty() : invalid(parameter).violation(answer, body);
    }

    private static void addBoth(List<Probe> probes, Function<Boolean, Probe> probe) {
        probes.add(probe.apply(true));
        probes.add(probe.apply(false));
    }

    private static List<JsonNode> wrongValues(JsonNode valid) {
        if (valid.isTextual()) {
            return BadInputs.NOT_A_STRING;
        }
        if (valid.isArray()) {
            return BadInputs.NOT_A_STRING_LIST;
        }
        if (valid.isBoolean()) {
            return BadInputs.NOT_A_BOOLEAN;
        }
        if (valid.isNumber()) {
            return BadInputs.NOT_AN_INT;
        }
        return BadInputs.NOT_AN_OBJECT;
    }

    /** A field of a body and its valid value; nested objects' fields are named by their path, {@code admin.email}. */
    record Field(String path, JsonNode value) {
    }

    static List<Field> fields(ObjectNode body, String prefix) {
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(new Field(prefix + field.getKey(), field.getValue()));
            if (field.getValue() instanceof ObjectNode nested) {
                fields.addAll(fields(nested, prefix + field.getKey() + "."));
            }
        }
        return fields;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.set(path, value);
        } else {
            set((ObjectNode) body.get(path.substring(0, dot)), path.substring(dot + 1), value);
        }
    }
}
