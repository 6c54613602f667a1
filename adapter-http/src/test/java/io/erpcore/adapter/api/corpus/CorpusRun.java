package io.erpcore.adapter.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.RawHttp;
import io.erpcore.adapter.api.ReliabilityFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Sends probes on a few threads and keeps the counts of everything sent (per family, status and
 * code), which the corpus prints at the end: what it sent and what it was answered is part of its
 * report.
 */
final class CorpusRun {

    private static final int THREADS = 4;
    private static final int SHOWN = 40;

    private final RawHttp client;
    private final ProblemContract contract;
    private final Map<String, LongAdder> families = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> protocolLevel = new ConcurrentHashMap<>();
    private final LongAdder violations = new LongAdder();

    CorpusRun(RawHttp client, ProblemContract contract) {
        this.client = client;
        this.contract = contract;
    }

    /** The outcome of one family: how often each code was answered, and what broke the contract or the expectation. */
    record Outcome(Map<String, Long> codes, List<String> violations) {

        long count(String code) {
            return codes.getOrDefault(code, 0L);
        }

        /** The first violations, one a line, and how many there were. */
        String report() {
            return violations.size() + " of the answers are wrong:\n  " + violations.stream().limit(SHOWN)
                    .collect(Collectors.joining("\n  ")) + (violations.size() > SHOWN ? "\n  ..." : "");
        }
    }

    /** Sends every probe, checking each answer against the contract and the probe's expectation. */
    Outcome send(List<Probe> probes) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String[]>> answers = new ArrayList<>();
            for (Probe probe : probes) {
                answers.add(threads.submit(() -> check(probe)));
            }
            Map<String, Long> seen = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            for (Future<String[]> answer : answers) {
                String[] result = answer.get();
                seen.merge(result[0], 1L, Long::sum);
                if (result[1] != null) {
                    wrong.add(result[1]);
                }
            }
            return new Outcome(seen, wrong);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The code answered (or the status when there is none) and the violation, or null. */
    private String[] check(Probe probe) {
        families.computeIfAbsent(probe.family(), family -> new LongAdder()).increment();
        RawHttp.Answer answer;
        try {
            answer = probe.send(client);
        } catch (RuntimeException noAnswer) {
            violations.increment();
            return new String[] {"(no answer)", probe + ": no answer: " + noAnswer.getMessage()};
        }
        statuses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
        Optional<JsonNode> body = ProblemContract.body(answer);
        String code = answer.status() >= 400 ? body.map(json -> json.path("code").asText(null)).orElse(null) : null;
        String label = code == null ? Integer.toString(answer.status()) : code;
        codes.computeIfAbsent(label, key -> new LongAdder()).increment();
        // A refusal at the protocol level is all a framing probe can expect; its expectation is about the application's answer.
        boolean refusedAtProtocolLevel = probe.protocolLevel() && ProblemContract.PROTOCOL_LEVEL_CODES.contains(label);
        if (refusedAtProtocolLevel) {
            protocolLevel.computeIfAbsent(probe.family() + " " + label, key -> new LongAdder()).increment();
        }
        Optional<String> violation = contract.violation(probe, answer)
                .or(() -> refusedAtProtocolLevel ? Optional.empty() : probe.expected().violation(answer, body));
        violation.ifPresent(ignored -> violations.increment());
        return new String[] {label, violation.map(reason -> probe + ": " + reason + " - answered " + answer.status()
                + " " + abbreviate(answer.body())).orElse(null)};
    }

    /** The counts of everything sent so far, for the test output. */
    String summary() {
        long total = families.values().stream().mapToLong(LongAdder::sum).sum();
        return "Bad-input corpus: " + total + " requests, " + violations.sum() + " wrong answers"
                + "\n  per family: " + sorted(families)
                + "\n  per status: " + sorted(statuses)
                + "\n  per code:   " + sorted(codes)
                + "\n  framing probes refused at the protocol level, as problems, per family and code: "
                + sorted(protocolLevel);
    }

    /** The counts as figures for docs/RELIABILITY.md. */
    ReliabilityFigures figures() {
        long total = families.values().stream().mapToLong(LongAdder::sum).sum();
        ReliabilityFigures figures = ReliabilityFigures.of("bad-input", BadInputCorpusTest.class,
                        "no_bad_input_is_answered_5xx_and_every_refusal_is_a_documented_problem", "Requests of bad input "
                        + "over every route of the standalone API, authenticated and anonymous, over a raw socket")
                .add("requests", total, "", "requests sent")
                .add("wrong answers", violations.sum(), "", "a 5xx, a 4xx that is not a problem with a documented code and "
                        + "the request's correlation id, or not the refusal the family expects; must be 0")
                .add("5xx", statuses.entrySet().stream().filter(entry -> entry.getKey() >= 500)
                        .mapToLong(entry -> entry.getValue().sum()).sum(), "", "server errors; must be 0");
        new TreeMap<>(families).forEach((family, count) -> figures.add("family " + family, count.sum(), "", "requests of this family"));
        new TreeMap<>(codes).forEach((code, count) -> figures.add("answered " + code, count.sum(), "",
                code.chars().allMatch(Character::isDigit) ? "answers with this status and no problem" : "problems with this code"));
        return figures;
    }

    private static <K extends Comparable<K>> String sorted(Map<K, LongAdder> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue().sum())
                .collect(Collectors.joining(", "));
    }

    private static String abbreviate(String body) {
        String line = body.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
