package io.erpcore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark runs: one short measured iteration each, in this JVM, failing on the first
 * error. A smoke test, not a measurement (the figures come from the documented benchmark command):
 * it catches a benchmark whose set-up broke, which a measured run would otherwise find months later.
 */
class BenchmarksSmokeTest {

    @Test
    void every_benchmark_sets_up_and_measures_without_an_error() throws Exception {
        Options smoke = new OptionsBuilder()
                .include("io\\.erpcore\\..*Benchmark\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .threads(1)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(smoke).run();

        List<String> measured = results.stream().map(result -> result.getParams().getBenchmark()).toList();
        assertThat(measured).as("every benchmark class ran").anySatisfy(name -> assertThat(name).contains("TokenVerificationBenchmark"))
                .anySatisfy(name -> assertThat(name).contains("RateLimitBenchmark.tryConsumeRedis"))
                .anySatisfy(name -> assertThat(name).contains("ProblemRenderingBenchmark"))
                .anySatisfy(name -> assertThat(name).contains("RlsThroughputBenchmark"))
                .anySatisfy(name -> assertThat(name).contains("LoggingBenchmark"))
                .anySatisfy(name -> assertThat(name).contains("MetricsBenchmark"))
                .anySatisfy(name -> assertThat(name).contains("TenantResolutionBenchmark"));
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).as(result.getParams()
                .getBenchmark()).isPositive());
    }
}
