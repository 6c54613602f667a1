package io.erpcore.benchmarks;

import io.erpcore.adapter.ratelimit.Bucket4jRateLimiter;
import io.erpcore.adapter.ratelimit.Bucket4jRedisRateLimiter;
import io.erpcore.adapter.ratelimit.RateLimiters;
import io.erpcore.adapter.ratelimit.RedisPing;
import io.erpcore.config.AppConfig;
import io.erpcore.config.ConfigLoader;
import io.erpcore.config.MapConfigSource;
import io.erpcore.config.RedisUrl;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.metrics.Metrics;
import io.erpcore.metrics.TenantLabelPolicy;
import io.erpcore.security.RateLimit;
import io.erpcore.security.RateLimitDecision;
import io.erpcore.security.RateLimitPolicies;
import io.erpcore.security.RateLimiter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One rate-limit check of the general limit, {@code tryConsume(clientKey, general)}, for a rotating
 * set of 256 clients, on the two limiters {@link RateLimiters#forConfig} builds:
 * <ul>
 *   <li>{@code tryConsumeLocal}: without {@code REDIS_URL}, bucket4j buckets in this process's
 *   bounded Caffeine map.</li>
 *   <li>{@code tryConsumeRedis}: with {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}),
 *   bucket4j's compare-and-swap buckets in Redis over Lettuce, a round trip or two per check.</li>
 * </ul>
 * The limit is the configured general one with a capacity the run cannot spend, so every check is an
 * allowed one; a refusal, and a Redis failure (the limiter runs with
 * {@code RATE_LIMIT_REDIS_FAILURE=closed}, so a failure throws rather than allowing), stops the
 * benchmark. The Redis set-up checks that the server answers a ping. Keys carry a random part of
 * their own and expire a minute after the run, as the limiter writes them; nothing is flushed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class RateLimitBenchmark {

    private static final int CLIENTS = 256;
    private static final String DEFAULT_REDIS = "redis://127.0.0.1:6379";

    private final String[] clients = new String[CLIENTS];

    @Setup(Level.Trial)
    public void clients() {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = "bench-" + run + "|10.0.0." + i;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public RateLimitDecision tryConsumeLocal(Local local, Client client) {
        return allowed(local.limiter.tryConsume(client.next(clients), local.general));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RateLimitDecision tryConsumeRedis(Redis redis, Client client) {
        return allowed(redis.limiter.tryConsume(client.next(clients), redis.general));
    }

    /** The in-process limiter of a configuration without {@code REDIS_URL}. */
    @State(Scope.Benchmark)
    public static class Local {
        private RateLimiter limiter;
        private RateLimit general;

        @Setup(Level.Trial)
        public void open() {
            AppConfig config = config(Optional.empty());
            limiter = RateLimiters.forConfig(config, metrics());
            general = RateLimitPolicies.from(config.rateLimitConfig()).general();
            requireFirstCheckAllowed(limiter, Bucket4jRateLimiter.class, general);
        }

        @TearDown(Level.Trial)
        public void close() {
            limiter.close();
        }
    }

    /** The Redis limiter of a configuration with {@code REDIS_URL}, after a ping that must answer. */
    @State(Scope.Benchmark)
    public static class Redis {
        private RateLimiter limiter;
        private RateLimit general;

        @Setup(Level.Trial)
        public void connect() {
            String url = Optional.ofNullable(System.getenv("REDIS_URL")).filter(text -> !text.isBlank()).orElse(DEFAULT_REDIS);
            try (RedisPing ping = RedisPing.to(RedisUrl.parse(url), Duration.ofSeconds(2))) {
                RedisPing.Answer answer = ping.ping();
                if (!answer.up()) {
                    throw new IllegalStateException("Redis at " + RedisUrl.parse(url) + " does not answer ("
                            + answer.problem().orElse("") + "); set REDIS_URL to a running server");
                }
            }
            AppConfig config = config(Optional.of(url));
            limiter = RateLimiters.forConfig(config, metrics());
            general = RateLimitPolicies.from(config.rateLimitConfig()).general();
            requireFirstCheckAllowed(limiter, Bucket4jRedisRateLimiter.class, general);
        }

        @TearDown(Level.Trial)
        public void close() {
            limiter.close();
        }
    }

    /** Each thread's position in the rotation of clients. */
    @State(Scope.Thread)
    public static class Client {
        private int next;

        String next(String[] clients) {
            return clients[next++ & (CLIENTS - 1)];
        }
    }

    private static RateLimitDecision allowed(RateLimitDecision decision) {
        if (!decision.allowed()) {
            throw new IllegalStateException("a check was refused; the benchmark measures allowed checks: " + decision);
        }
        return decision;
    }

    /** Development defaults with a general limit no run can spend, a one-minute window, and failures thrown. */
    private static AppConfig config(Optional<String> redisUrl) {
        Map<String, String> values = new HashMap<>(Map.of("RATE_LIMIT_MAX", "2000000000", "RATE_LIMIT_WINDOW_MS", "60000",
                "RATE_LIMIT_REDIS_FAILURE", "closed"));
        redisUrl.ifPresent(url -> values.put("REDIS_URL", url));
        return ConfigLoader.load(MapConfigSource.of("benchmark", values)).config();
    }

    private static Metrics metrics() {
        return Metrics.create(InMemoryMetricsSink.create(), TenantLabelPolicy.capped(100));
    }

    private static void requireFirstCheckAllowed(RateLimiter limiter, Class<?> expected, RateLimit limit) {
        if (!expected.isInstance(limiter)) {
            throw new IllegalStateException("expected a " + expected.getSimpleName() + " but the configuration built a "
                    + limiter.getClass().getSimpleName());
        }
        String key = "bench-setup-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        RateLimitDecision first = limiter.tryConsume(key, limit);
        if (!first.allowed() || first.remaining() != limit.capacity() - 1) {
            throw new IllegalStateException("a fresh bucket did not allow its first request: " + first);
        }
    }
}
