package io.erpcore.adapter.api.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A corpus of bad input over every route of the standalone API, generated as routes times mutation
 * families, sent authenticated and anonymous over a raw socket. Whatever is sent, the server never
 * answers 5xx, and every 4xx is an {@code application/problem+json} with a code from
 * docs/errors.md and the request's correlation id ({@link ProblemContract}); each family also says
 * which refusal it expects once the request is past the door, which proves it reached the handlers.
 * The counts of what was sent and answered are printed at the end.
 */
class BadInputCorpusTest {

    private static CorpusServer server;
    private static BadInputCorpus corpus;
    private static FramingCorpus framing;
    private static CorpusRun run;
    private static List<String> handedOutCursors;

    @BeforeAll
    static void start() {
        server = CorpusServer.start();
        corpus = new BadInputCorpus(server);
        framing = new FramingCorpus(corpus, server);
        run = new CorpusRun(server.raw(), ProblemContract.fromReference());
        handedOutCursors = server.handedOutCursors();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            System.out.println(run.summary());
            run.figures().write();
        } finally {
            server.close();
        }
    }

    private static Stream<List<Probe>> families() {
        return Stream.of(corpus.malformedJson(), corpus.deepNesting(), corpus.wrongTypes(), framing.hugeBodiesAndHeaders(),
                corpus.invalidIds(), corpus.cursorsAndLimits(handedOutCursors),
                corpus.hostileStrings("unicode-and-control", BadInputs.UNICODE),
                corpus.hostileStrings("injection-and-traversal", BadInputs.injectionAndTraversal()),
                framing.duplicatedHeaders());
    }

    @Test
    void the_corpus_holds_at_least_500_requests_and_reaches_every_route_authenticated_and_anonymous() {
        List<Probe> all = families().flatMap(List::stream).toList();
        Map<String, Long> perRoute = all.stream().collect(Collectors.groupingBy(probe -> probe.route().toString(),
                Collectors.counting()));

        assertThat(all).hasSizeGreaterThanOrEqualTo(500);
        assertThat(perRoute.keySet()).containsExactlyInAnyOrderElementsOf(corpus.routes().stream()
                .map(ApiRoute::toString).toList());
        assertThat(perRoute).allSatisfy((route, probes) -> assertThat(probes).as(route).isGreaterThanOrEqualTo(50));
        assertThat(all).anyMatch(Probe::authenticated).anyMatch(probe -> !probe.authenticated());
        System.out.println("Bad-input corpus: " + all.size() + " requests generated over " + perRoute.size() + " routes");
    }

    @Test
    void malformed_json_is_400_malformed_json_on_every_route_that_reads_a_body() {
        CorpusRun.Outcome outcome = run.send(corpus.malformedJson());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("MALFORMED_JSON")).isGreaterThanOrEqualTo(corpus.bodyRoutes().size());
    }

    @Test
    void json_nested_10000_levels_deep_is_400_without_exhausting_the_stack() {
        CorpusRun.Outcome outcome = run.send(corpus.deepNesting());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("MALFORMED_JSON")).isPositive();
        assertThat(outcome.count("VALIDATION_FAILED")).isPositive();
    }

    @Test
    void every_field_of_every_body_given_a_wrong_type_is_400_naming_the_field() {
        CorpusRun.Outcome outcome = run.send(corpus.wrongTypes());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("VALIDATION_FAILED")).isGreaterThan(100);
    }

    @Test
    void bodies_over_the_limit_are_413_and_headers_or_uris_over_jettys_limits_are_refused() {
        CorpusRun.Outcome outcome = run.send(framing.hugeBodiesAndHeaders());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("BODY_TOO_LARGE")).isGreaterThanOrEqualTo(corpus.routes().size());
    }

    @Test
    void ids_that_name_nothing_are_404_and_a_malformed_tenant_header_is_400() {
        CorpusRun.Outcome outcome = run.send(corpus.invalidIds());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("NOT_FOUND")).isPositive();
        assertThat(outcome.count("MALFORMED_TENANT")).isPositive();
    }

    @Test
    void cursors_and_limits_that_no_list_handed_out_are_400_naming_the_parameter() {
        CorpusRun.Outcome outcome = run.send(corpus.cursorsAndLimits(handedOutCursors));

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("VALIDATION_FAILED")).isPositive();
    }

    @Test
    void astral_rtl_combining_and_control_characters_and_nul_are_stored_intact_or_refused() {
        CorpusRun.Outcome outcome = run.send(corpus.hostileStrings("unicode-and-control", BadInputs.UNICODE));

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("VALIDATION_FAILED")).isPositive();
        assertThat(outcome.count("201")).isPositive();
    }

    @Test
    void sql_injection_and_path_traversal_in_every_field_path_and_query_are_answered_or_refused() {
        CorpusRun.Outcome outcome = run.send(corpus.hostileStrings("injection-and-traversal",
                BadInputs.injectionAndTraversal()));

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
        assertThat(outcome.count("VALIDATION_FAILED")).isPositive();
        assertThat(outcome.count("201")).isPositive();
    }

    @Test
    void duplicated_and_conflicting_headers_are_refused_or_answered_never_5xx() {
        CorpusRun.Outcome outcome = run.send(framing.duplicatedHeaders());

        assertThat(outcome.violations()).as(outcome::report).isEmpty();
    }
}
