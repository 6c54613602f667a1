package io.erpcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code application/problem+json} answer rendered by {@link ProblemResponses}, as the HTTP
 * adapter writes it for a thrown problem: {@code problemFor} (a {@link ProblemException} passes
 * through) and the body with its type URI, title, status, detail, instance, code and correlation id,
 * written by a plain Jackson {@link ObjectMapper} as {@code JavalinApplication} gives it one.
 * <ul>
 *   <li>{@code rateLimited}: the 429 of a spent limit, the problem a flood of requests gets.</li>
 *   <li>{@code validationFailed}: a 400 {@code VALIDATION_FAILED} naming two fields.</li>
 * </ul>
 * Setting the status and the headers on Jetty's response is not included. This class lives in the
 * adapter's package because {@code ProblemResponses} is package-private; the set-up checks that both
 * bodies are the problems expected.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProblemRenderingBenchmark {

    private static final String INSTANCE = "/api/v1/users";
    private static final String CORRELATION_ID = "req_8f14e45f";

    private ProblemResponses problems;
    private ProblemException rateLimited;
    private ProblemException validationFailed;

    @Setup(Level.Trial)
    public void twoProblems() throws IOException {
        problems = new ProblemResponses(new ObjectMapper(), false);
        rateLimited = ErrorCode.RATE_LIMITED.problem("the general limit of 100 requests per 900 s is spent")
                .retryAfter(Duration.ofSeconds(42));
        validationFailed = ProblemException.validation("the request is not valid", List.of(
                new FieldError("email", "must be a well-formed e-mail address"),
                new FieldError("displayName", "must not be blank")));
        requireBody(rateLimited(), 429, "RATE_LIMITED");
        requireBody(validationFailed(), 400, "VALIDATION_FAILED");
    }

    @Benchmark
    public String rateLimited() {
        return problems.body(problems.problemFor(rateLimited), INSTANCE, CORRELATION_ID);
    }

    @Benchmark
    public String validationFailed() {
        return problems.body(problems.problemFor(validationFailed), INSTANCE, CORRELATION_ID);
    }

    private static void requireBody(String body, int status, String code) throws IOException {
        JsonNode problem = new ObjectMapper().readTree(body);
        if (problem.path("status").asInt() != status || !code.equals(problem.path("code").asText())
                || !CORRELATION_ID.equals(problem.path("correlationId").asText())) {
            throw new IllegalStateException("expected a " + status + " " + code + " problem but rendered " + body);
        }
    }
}
