package io.erpcore.adapter.api.corpus;

import static io.erpcore.adapter.api.corpus.BadInputCorpus.atTheDoor;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.contractOnly;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.problem;
import static io.erpcore.adapter.api.corpus.Probe.Expectation.refused;

import io.erpcore.adapter.api.corpus.ApiRoute.Access;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of the bad-input corpus about the request's framing rather than its content: bodies
 * and headers over the limits, and headers sent twice or contradicting each other, which only a
 * raw client can send. Some of these Jetty refuses before the application sees them.
 */
final class FramingCorpus {

    /** {@code REQUEST_BODY_LIMIT}'s default, 1mb. */
    static final int BODY_LIMIT = 1024 * 1024;
    private static final String GARBAGE_TOKEN = "Bearer garbage.garbage.garbage";

    private final BadInputCorpus corpus;
    private final CorpusServer server;

    FramingCorpus(BadInputCorpus corpus, CorpusServer server) {
        this.corpus = corpus;
        this.server = server;
    }

    /** Bodies over the limit (declared or chunked), a field just under it, headers and URIs too large for Jetty. */
    List<Probe> hugeBodiesAndHeaders() {
        List<Probe> probes = new ArrayList<>();
        byte[] overLimit = jsonOfSize(BODY_LIMIT + 1);
        for (ApiRoute route : corpus.routes()) {
            for (boolean authenticated : new boolean[] {true, false}) {
                probes.add(corpus.probe("huge", route, authenticated, "a declared body of the limit + 1 byte",
                        corpus.defaultTarget(route), overLimit).expecting(problem(413, "BODY_TOO_LARGE")));
            }
            for (int size : new int[] {9_000, 70_000, 1_100_000}) {
                probes.add(corpus.probe("huge", route, true, "a header of " + size + " bytes", corpus.defaultTarget(route),
                        corpus.bodyOf(route), "X-Padding", "p".repeat(size)).mayBeRefusedByJetty().expecting(refused()));
            }
            for (int size : new int[] {10_000, 100_000}) {
                probes.add(corpus.probe("huge", route, true, "a URI of " + size + " bytes", corpus.defaultTarget(route)
                        + "?q=" + "u".repeat(size), corpus.bodyOf(route)).mayBeRefusedByJetty().expecting(refused()));
            }
            String[] many = new String[2 * 250];
            for (int i = 0; i < 250; i++) {
                many[2 * i] = "X-Many-" + i;
                many[2 * i + 1] = "v";
            }
            probes.add(corpus.probe("huge", route, true, "250 headers", corpus.defaultTarget(route), corpus.bodyOf(route),
                    many).mayBeRefusedByJetty());
        }
        for (ApiRoute route : corpus.bodyRoutes()) {
            for (boolean authenticated : new boolean[] {true, false}) {
                probes.add(chunked(route, authenticated, BODY_LIMIT + 1000)
                        .expecting(atTheDoor(route, authenticated, problem(413, "BODY_TOO_LARGE"))));
                String field = BadInputCorpus.fields(route.validBody(), "").stream()
                        .filter(candidate -> candidate.value().isTextual()).findFirst().orElseThrow().path();
                String body = "{\"" + field + "\":\"" + "x".repeat(BODY_LIMIT - field.length() - 100) + "\"}";
                probes.add(corpus.probe("huge", route, authenticated, "a field of almost 1mb in '" + field + "'",
                        corpus.defaultTarget(route), body.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return probes;
    }

    /** Headers that may be sent once, sent twice or contradicting each other; framing headers that lie. */
    List<Probe> duplicatedHeaders() {
        List<Probe> probes = new ArrayList<>();
        for (ApiRoute route : corpus.routes()) {
            List<String> credentials = server.credentials(route);
            String valid = credentials.get(1);
            // Of the operational endpoints only /metrics and /health/detailed read credentials; the others answer anyone.
            boolean readsCredentials = route.access() != Access.OPERATIONAL
                    || route.path().equals("/metrics") || route.path().equals("/health/detailed");
            Probe.Expectation refusedOnApi = readsCredentials ? refused() : contractOnly();
            probes.add(exactly(route, "Authorization twice, valid first", "Authorization", valid, "Authorization",
                    GARBAGE_TOKEN).expecting(refusedOnApi));
            probes.add(exactly(route, "Authorization twice, valid second", "Authorization", GARBAGE_TOKEN, "Authorization",
                    valid).expecting(refusedOnApi));
            probes.add(exactly(route, "Authorization twice, the same", "Authorization", valid, "Authorization", valid)
                    .expecting(refusedOnApi));
            probes.add(exactly(route, "Authorization on one line, twice", "Authorization", valid + ", " + GARBAGE_TOKEN)
                    .expecting(refusedOnApi));
            probes.add(authenticated(route, credentials, "X-Request-ID twice", "X-Request-ID", "corpus-first",
                    "X-Request-ID", "corpus-second"));
            probes.add(authenticated(route, credentials, "two Host headers", "Host", "127.0.0.1", "Host", "evil.example")
                    .mayBeRefusedByJetty().expecting(refused()));
            probes.addAll(framing(route, credentials));
            if (route.access() == Access.TENANT) {
                probes.addAll(tenantHeaders(route, credentials));
            }
            if (route.hasBody()) {
                probes.addAll(contentTypes(route, credentials));
            }
        }
        return probes;
    }

    private List<Probe> tenantHeaders(ApiRoute route, List<String> credentials) {
        String own = server.tenant.id();
        String other = server.otherTenant.id();
        List<Probe> probes = new ArrayList<>();
        for (String[] pair : new String[][] {{own, other}, {other, own}, {own, own}, {own, "not-a-tenant"}}) {
            probes.add(authenticated(route, credentials, "X-Tenant-ID " + pair[0] + " then " + pair[1],
                    "X-Tenant-ID", pair[0], "X-Tenant-ID", pair[1]).expecting(refused()));
        }
        probes.add(authenticated(route, credentials, "X-Tenant-ID on one line, twice", "X-Tenant-ID", own + ", " + other)
                .expecting(refused()));
        return probes;
    }

    private List<Probe> contentTypes(ApiRoute route, List<String> credentials) {
        List<Probe> probes = new ArrayList<>();
        for (String[] pair : new String[][] {{"application/json", "text/plain"}, {"text/plain", "application/json"},
            {"application/json", "application/json"}}) {
            probes.add(authenticated(route, credentials, "Content-Type " + pair[0] + " then " + pair[1],
                    "Content-Type", pair[0], "Content-Type", pair[1]).expecting(refused()));
        }
        return probes;
    }

    /** Framing headers that contradict each other or the body; Jetty refuses most before the application. */
    private List<Probe> framing(ApiRoute route, List<String> credentials) {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        List<Probe> probes = new ArrayList<>();
        for (String[] lengths : new String[][] {{"7", "9"}, {"7", "7"}, {"-1"}, {"abc"}, {"99999999999999999999"},
            {"7, 9"}, {"+7"}}) {
            List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
            Arrays.stream(lengths).forEach(length -> headers.addAll(List.of("Content-Length", length)));
            probes.add(raw(route, credentials, "Content-Length " + String.join(" and ", lengths), headers, body));
        }
        probes.add(raw(route, credentials, "Content-Length and chunked", List.of("Content-Type", "application/json",
                "Content-Length", "7", "Transfer-Encoding", "chunked"), chunks(body)).expecting(refused()));
        probes.add(raw(route, credentials, "chunked twice", List.of("Content-Type", "application/json", "Transfer-Encoding",
                "chunked", "Transfer-Encoding", "chunked"), chunks(body)));
        probes.add(raw(route, credentials, "Transfer-Encoding gzip", List.of("Content-Type", "application/json",
                "Transfer-Encoding", "gzip"), body));
        probes.add(raw(route, credentials, "Expect: 100-continue", List.of("Content-Type", "application/json",
                "Content-Length", "7", "Expect", "100-continue"), body));
        probes.add(raw(route, credentials, "Expect: something else", List.of("Content-Type", "application/json",
                "Content-Length", "7", "Expect", "teapot"), body));
        return probes;
    }

    private Probe chunked(ApiRoute route, boolean authenticated, int size) {
        List<String> headers = new ArrayList<>(authenticated ? server.credentials(route) : List.of());
        headers.addAll(List.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
        return new Probe("huge", route, authenticated, "a chunked body of " + size + " bytes", route.method(),
                corpus.defaultTarget(route), headers, chunks(jsonOfSize(size)), false, contractOnly());
    }

    /** The route's usual request with exactly {@code headers}, credentials included (or not) by the caller. */
    private Probe exactly(ApiRoute route, String what, String... headers) {
        return corpus.exactly("duplicated-headers", route, true, what, corpus.defaultTarget(route), corpus.bodyOf(route),
                List.of(headers));
    }

    private Probe authenticated(ApiRoute route, List<String> credentials, String what, String... headers) {
        return exactly(route, what, concat(credentials, headers));
    }

    /** Sent as given, framing headers included: Jetty may refuse it before the application. */
    private Probe raw(ApiRoute route, List<String> credentials, String what, List<String> headers, byte[] body) {
        List<String> all = new ArrayList<>(credentials);
        all.addAll(headers);
        return new Probe("duplicated-headers", route, true, what, route.method(), corpus.defaultTarget(route), all, body,
                true, contractOnly());
    }

    private static String[] concat(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all.toArray(String[]::new);
    }

    /** A JSON object of exactly {@code size} bytes. */
    static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] open = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, body, 0, open.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    /** {@code body} in chunks of 64 KB, as chunked transfer coding. */
    static byte[] chunks(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 65_536) {
            int length = Math.min(65_536, body.length - at);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
