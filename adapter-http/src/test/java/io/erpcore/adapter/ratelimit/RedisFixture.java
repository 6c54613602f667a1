package io.erpcore.adapter.ratelimit;

import io.erpcore.config.RedisUrl;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis server for tests, found in the order of DESIGN section 7: {@code REDIS_URL}, else a
 * Testcontainers container when a Docker engine answers, else none, and the test is skipped (or
 * fails under {@code CI=true}). The server may be shared with other runs and other programs, so tests
 * count under keys of their own (a random part per test) and never flush it. Fault tests that stop
 * Redis use {@link PrivateRedisServer} instead.
 */
public final class RedisFixture {

    /** The variable naming the shared server, e.g. {@code redis://127.0.0.1:6379}. */
    public static final String URL_VARIABLE = "REDIS_URL";

    private static Optional<RedisUrl> shared;

    private RedisFixture() {
    }

    /** The shared test server; skips the calling test, or fails it under CI, when there is none. */
    public static synchronized RedisUrl sharedServer() {
        if (shared == null) {
            shared = fromEnvironment().or(RedisFixture::container);
            System.err.println(shared.map(url -> "Redis tests run on " + url).orElse("Redis tests have no server"));
        }
        return shared.orElseThrow(() -> TestEnvironment.skipOrFail("No Redis for this test: set " + URL_VARIABLE
                + " (e.g. redis://127.0.0.1:6379) or start a Docker engine"));
    }

    private static Optional<RedisUrl> fromEnvironment() {
        return Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(url -> !url.isBlank()).map(RedisUrl::parse);
    }

    private static Optional<RedisUrl> container() {
        if (!dockerAnswers()) {
            return Optional.empty();
        }
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
        redis.start();
        return Optional.of(RedisUrl.parse("redis://" + redis.getHost() + ":" + redis.getFirstMappedPort()));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
