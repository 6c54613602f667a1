package io.erpcore.adapter.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.adapter.api.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to bad input must be (DESIGN section 4, docs/errors.md): never a 5xx, and every
 * 4xx an {@code application/problem+json} with a {@code code} from the reference, of the status the
 * reference gives it, and a {@code correlationId} equal to the {@code X-Request-ID} header. That
 * holds for the refusals Jetty makes before the application sees a request too (headers too
 * large, contradicting framing headers): the server answers them as problems.
 */
final class ProblemContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);
    private static final String[] MEMBERS = {"type", "title", "status", "detail", "instance", "code", "correlationId"};

    private final Map<String, Integer> documented;

    private ProblemContract(Map<String, Integer> documented) {
        this.documented = documented;
    }

    /** The contract of the codes documented in {@code docs/errors.md}. */
    static ProblemContract fromReference() {
        try {
            Matcher rows = ROW.matcher(Files.readString(Path.of("../docs/errors.md")));
            Map<String, Integer> documented = new LinkedHashMap<>();
            while (rows.find()) {
                documented.put(rows.group(1), Integer.parseInt(rows.group(2)));
            }
            if (documented.size() < 20) {
                throw new IllegalStateException("docs/errors.md lists only " + documented.size() + " codes: " + documented);
            }
            return new ProblemContract(documented);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes of refusals made at the protocol level, before any route: all a framing probe can expect. */
    static final Set<String> PROTOCOL_LEVEL_CODES = Set.of("MALFORMED_REQUEST", "URI_TOO_LONG", "HEADERS_TOO_LARGE",
            "EXPECTATION_FAILED", "BODY_TOO_LARGE");

    /** The answer's body as JSON, when it is JSON. */
    static Optional<JsonNode> body(RawHttp.Answer answer) {
        try {
            return answer.body().isBlank() ? Optional.empty() : Optional.of(JSON.readTree(answer.body()));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Why {@code answer} breaks the contract for {@code probe}, or empty. */
    Optional<String> violation(Probe probe, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return Optional.of("answered " + answer.status());
        }
        if (answer.status() < 400) {
            return Optional.empty();
        }
        if (!answer.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            return Optional.of("a " + answer.status() + " with Content-Type " + answer.header("Content-Type").orElse("(none)"));
        }
        Optional<JsonNode> problem = body(answer);
        if (problem.isEmpty() || !problem.get().isObject()) {
            return Optional.of("a problem whose body is not a JSON object");
        }
        return members(problem.get(), answer);
    }

    private Optional<String> members(JsonNode problem, RawHttp.Answer answer) {
        for (String member : MEMBERS) {
            if (problem.path(member).asText().isBlank()) {
                return Optional.of("a problem without '" + member + "'");
            }
        }
        String code = problem.get("code").asText();
        Integer status = documented.get(code);
        if (status == null) {
            return Optional.of("code " + code + " is not in docs/errors.md");
        }
        if (status != answer.status() || problem.get("status").asInt() != answer.status()) {
            return Optional.of("code " + code + " is documented as " + status + " but answered " + answer.status());
        }
        if (!problem.get("correlationId").asText().equals(answer.header("X-Request-ID").orElse(""))) {
            return Optional.of("correlationId differs from X-Request-ID");
        }
        return Optional.empty();
    }
}
