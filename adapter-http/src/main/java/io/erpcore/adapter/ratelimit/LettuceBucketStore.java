package io.erpcore.adapter.ratelimit;

import io.erpcore.config.RedisUrl;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Redis side of {@link Bucket4jRedisRateLimiter}: one Lettuce connection and bucket4j's proxy
 * manager over it. The connection opens on first use rather than at construction, so a host starts
 * while Redis is down; after a failed attempt the next waits {@link #CONNECT_RETRY_INTERVAL}, so an
 * outage does not cost every request a connection attempt. Once open, Lettuce reconnects by itself.
 * Every wait is bounded: connecting and each command by their timeouts, and while disconnected
 * commands fail at once instead of queueing.
 */
final class LettuceBucketStore implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    static final Duration CONNECT_RETRY_INTERVAL = Duration.ofSeconds(1);
    // Keeping a bucket a moment after it would be full again costs little and spares a rebuild at the edge.
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(1);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisUrl url;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile Connected connected;
    private long nextAttemptNanos;
    private boolean closed;

    private LettuceBucketStore(RedisUrl url, ClientResources resources, RedisClient client) {
        this.url = url;
        this.resources = resources;
        this.client = client;
        this.nextAttemptNanos = System.nanoTime();
    }

    /** A store for the server at {@code url}; nothing is connected yet. */
    static LettuceBucketStore of(RedisUrl url) {
        // Reconnect quickly after an outage: Lettuce's default backoff grows to 30 s.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri(url));
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new LettuceBucketStore(url, resources, client);
    }

    /**
     * bucket4j's proxy manager, connecting first if need be.
     *
     * @throws RedisException when Redis cannot be reached now
     */
    ProxyManager<String> buckets() {
        Connected current = connected;
        return current != null ? current.buckets() : connect().buckets();
    }

    /** The server, password masked, for messages. */
    RedisUrl url() {
        return url;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connected != null) {
            connected.connection().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try {
            resources.shutdown(0, 2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Only Lettuce's own threads are left behind, and they are daemon threads.
        }
    }

    private synchronized Connected connect() {
        if (connected != null) {
            return connected;
        }
        if (closed) {
            throw new IllegalStateException("The rate limiter for " + url + " is closed");
        }
        long now = System.nanoTime();
        if (now - nextAttemptNanos < 0) {
            throw new RedisConnectionException("Redis at " + url + " could not be reached less than "
                    + CONNECT_RETRY_INTERVAL.toMillis() + " ms ago; not trying again yet");
        }
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
            connected = new Connected(connection, Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                    .build());
            return connected;
        } catch (RedisException failure) {
            nextAttemptNanos = now + CONNECT_RETRY_INTERVAL.toNanos();
            throw failure;
        }
    }

    /** The Lettuce address of {@code url}, credentials and command timeout included. */
    static RedisURI uri(RedisUrl url) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(url.host())
                .withPort(url.port())
                .withDatabase(url.database())
                .withSsl(url.tls())
                .withTimeout(COMMAND_TIMEOUT);
        url.password().ifPresent(password -> {
            if (url.user().isPresent()) {
                uri.withAuthentication(url.user().get(), password.reveal().toCharArray());
            } else {
                uri.withPassword(password.reveal().toCharArray());
            }
        });
        return uri.build();
    }

    private record Connected(StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> buckets) {
    }
}
