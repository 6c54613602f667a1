package io.erpcore.adapter.jdbi;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An expiring cache whose misses are loaded once for every concurrent caller: they wait for the
 * same load, and a load that fails reaches all of them at once and is not kept. Caffeine's
 * synchronous {@code get(key, loader)} instead runs the loader again for each waiting caller in
 * turn after a failure, so while the database was down the last of N concurrent requests for one
 * user waited N times the pool's acquire timeout. Loads run on the calling thread. Thread-safe.
 */
final class SharedLoadCache<K, V> {

    // A failure travels as an outcome rather than an exceptional future, which Caffeine would log.
    private final AsyncCache<K, Outcome<V>> cache;

    private SharedLoadCache(AsyncCache<K, Outcome<V>> cache) {
        this.cache = cache;
    }

    /** A cache of at most {@code maxSize} entries, each kept for {@code ttl} after its load began. */
    static <K, V> SharedLoadCache<K, V> expiringAfterWrite(Duration ttl, long maxSize) {
        return new SharedLoadCache<>(Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl)
                .executor(Runnable::run).buildAsync());
    }

    /** The cached value of {@code key}, or {@code loader}'s (which must not return null), shared with concurrent callers. */
    V get(K key, Function<? super K, ? extends V> loader) {
        // A hit, which is nearly every call, costs one read: no future made, no write path taken.
        CompletableFuture<Outcome<V>> cached = cache.getIfPresent(key);
        if (cached != null && cached.isDone()) {
            return cached.join().value();
        }
        CompletableFuture<Outcome<V>> mine = new CompletableFuture<>();
        CompletableFuture<Outcome<V>> shared = cache.asMap().putIfAbsent(key, mine);
        if (shared != null) {
            return shared.join().value();
        }
        try {
            V value = loader.apply(key);
            mine.complete(new Outcome<>(value, null));
            return value;
        } catch (RuntimeException | Error failure) {
            cache.asMap().remove(key, mine);
            mine.complete(new Outcome<>(null, failure));
            throw failure;
        }
    }

    /** Forgets {@code key}; a load in flight still answers its own callers but is not kept. */
    void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    /** A load's value, or the unchecked failure that took its place. */
    private record Outcome<V>(V loaded, Throwable failure) {

        V value() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return loaded;
        }
    }
}
