package io.erpcore.adapter.ratelimit;

import io.erpcore.config.RedisUrl;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the Redis of {@code REDIS_URL} answers: a {@code PING} on a Lettuce connection of its
 * own, addressed as the rate limiter's ({@link LettuceBucketStore#uri}). The connection opens on the
 * first ping, not here, and Lettuce reconnects it after an outage; while it is disconnected a ping
 * fails at once. Every wait is bounded by the timeout given at creation. Thread-safe.
 */
public final class RedisPing implements AutoCloseable {

    private final RedisUrl url;
    private final RedisClient client;
    private final Duration timeout;
    private StatefulRedisConnection<String, String> connection;

    private RedisPing(RedisUrl url, RedisClient client, Duration timeout) {
        this.url = url;
        this.client = client;
        this.timeout = timeout;
    }

    /** Pings the server at {@code url}, each connection attempt and each ping bounded by {@code timeout}. */
    public static RedisPing to(RedisUrl url, Duration timeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        RedisURI uri = LettuceBucketStore.uri(url);
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new RedisPing(url, client, timeout);
    }

    /** Sends {@code PING}, connecting first if need be; never throws. */
    public Answer ping() {
        long start = System.nanoTime();
        try {
            String pong = connection().async().ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return "PONG".equals(pong) ? Answer.up(since(start)) : Answer.down(since(start), "PING answered " + pong);
        } catch (TimeoutException e) {
            return Answer.down(since(start), "no PONG within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Answer.down(since(start), String.valueOf(e.getCause().getMessage()));
        } catch (RedisException e) {
            return Answer.down(since(start), "cannot connect to Redis at " + url.host() + ":" + url.port() + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.down(since(start), "interrupted");
        }
    }

    /** Closes the connection and the client's threads. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * What a ping found.
     *
     * @param up whether {@code PONG} came back in time
     * @param latency how long the ping took, connecting included
     * @param problem why not, when it did not; never the password
     */
    public record Answer(boolean up, Duration latency, Optional<String> problem) {

        static Answer up(Duration latency) {
            return new Answer(true, latency, Optional.empty());
        }

        static Answer down(Duration latency, String problem) {
            return new Answer(false, latency, Optional.of(problem));
        }
    }
}
