package io.erpcore.adapter.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.RawHttp;
import java.util.List;
import java.util.Optional;

/**
 * One request of the bad-input corpus: what is sent, byte for byte, and what its answer must be on
 * top of the contract every answer keeps ({@link ProblemContract}).
 *
 * @param family the mutation family, for the counts
 * @param route the route aimed at
 * @param authenticated whether the request carries the credentials the route admits
 * @param what the mutation, to name the probe in a failure
 * @param protocolLevel whether Jetty may refuse the request itself, before the application sees it
 *     (a header too large, a malformed request line): then its answer is not the application's
 */
record Probe(String family, ApiRoute route, boolean authenticated, String what, String method, String target,
        List<String> headers, byte[] body, boolean protocolLevel, Expectation expected) {

    /** What a probe's answer must be besides keeping the contract; the answer's body parsed when it is JSON. */
    @FunctionalInterface
    interface Expectation {

        /** Why {@code answer} is wrong for the probe, or empty. */
        Optional<String> violation(RawHttp.Answer answer, Optional<JsonNode> body);

        /** Nothing beyond the contract. */
        static Expectation contractOnly() {
            return (answer, body) -> Optional.empty();
        }

        /** A problem of {@code status} and {@code code}. */
        static Expectation problem(int status, String code) {
            return (answer, body) -> answer.status() == status
                    && body.map(json -> json.path("code").asText()).orElse("").equals(code) ? Optional.empty()
                    : Optional.of("expected " + status + " " + code);
        }

        /** A 400 {@code VALIDATION_FAILED} whose {@code errors[]} names {@code field}. */
        static Expectation invalid(String field) {
            return (answer, body) -> {
                boolean named = body.map(json -> json.path("errors").findValuesAsText("field").contains(field)).orElse(false);
                return answer.status() == 400 && named ? Optional.empty()
                        : Optional.of("expected 400 VALIDATION_FAILED naming '" + field + "'");
            };
        }

        /** Any 4xx: the request must be refused, whatever the reason given. */
        static Expectation refused() {
            return (answer, body) -> answer.status() >= 400 && answer.status() < 500 ? Optional.empty()
                    : Optional.of("expected a refusal (4xx)");
        }

        /** On a 2xx, the answer's {@code field} holds exactly {@code sent}: what was stored is what was given. */
        static Expectation echoes(String field, String sent) {
            return (answer, body) -> {
                if (answer.status() / 100 != 2 || body.isEmpty() || !body.get().has(field)) {
                    return Optional.empty();
                }
                String stored = body.get().get(field).asText();
                return stored.equals(sent) ? Optional.empty()
                        : Optional.of("answered 2xx with '" + field + "' altered: sent " + describe(sent) + ", got "
                                + describe(stored));
            };
        }

        /** This expectation and {@code other}. */
        default Expectation and(Expectation other) {
            return (answer, body) -> violation(answer, body).or(() -> other.violation(answer, body));
        }

        private static String describe(String text) {
            StringBuilder described = new StringBuilder();
            text.chars().limit(40).forEach(c -> described.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c)
                    : String.valueOf((char) c)));
            return "\"" + described + (text.length() > 40 ? "…" : "") + "\"";
        }
    }

    /** This probe expecting {@code expectation} as well. */
    Probe expecting(Expectation expectation) {
        return new Probe(family, route, authenticated, what, method, target, headers, body, protocolLevel,
                expected.and(expectation));
    }

    /** This probe, which Jetty may refuse before the application sees it. */
    Probe mayBeRefusedByJetty() {
        return new Probe(family, route, authenticated, what, method, target, headers, body, true, expected);
    }

    RawHttp.Answer send(RawHttp client) {
        return client.send(method, target, headers, body);
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        what.chars().limit(120).forEach(c -> shown.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return "[" + family + "] " + route + (authenticated ? " (authenticated) " : " (anonymous) ") + shown
                + (what.length() > 120 ? "…" : "");
    }
}
