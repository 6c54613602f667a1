package io.erpcore.tenancy.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A bounded, expiring, thread-safe cache of lookups that may find nothing. Found values and
 * misses expire and are bounded separately, so a flood of misses can never push found values out.
 * Concurrent lookups of one absent key share a single load; a load that fails is never cached.
 */
public final class ExpiringCache<K, V> {

    private final CachePolicy policy;
    private final LongSupplier nanoClock;
    private final Map<K, Entry<V>> found = new ConcurrentHashMap<>();
    private final Map<K, Entry<V>> missing = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<Optional<V>>> loading = new ConcurrentHashMap<>();
    // Bumped by every invalidation; a load that overlapped one does not keep its possibly stale answer.
    private final AtomicLong generation = new AtomicLong();

    /** A cache with {@code policy}, reading time from {@code nanoClock} (e.g. {@code System::nanoTime}). */
    public ExpiringCache(CachePolicy policy, LongSupplier nanoClock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * The cached answer for {@code key}, or {@code loader}'s, which is then cached. The loader must
     * not return null and must not look up this cache; its exceptions reach every waiting caller.
     */
    public Optional<V> get(K key, Function<? super K, Optional<V>> loader) {
        Objects.requireNonNull(key, "key");
        Entry<V> cached = fresh(key);
        return cached != null ? cached.value() : load(key, loader);
    }

    /** Forgets {@code key}, found or missing. */
    public void invalidate(K key) {
        generation.incrementAndGet();
        found.remove(key);
        missing.remove(key);
        loading.remove(key);
    }

    /** Forgets every found value that matches {@code values}; a full scan, meant for rare changes. */
    public void invalidateValues(Predicate<? super V> values) {
        generation.incrementAndGet();
        found.values().removeIf(entry -> entry.value().filter(values).isPresent());
        loading.clear();
    }

    /** Forgets everything. */
    public void invalidateAll() {
        generation.incrementAndGet();
        found.clear();
        missing.clear();
        loading.clear();
    }

    /** How many answers are held, found and missing together. */
    public int size() {
        return found.size() + missing.size();
    }

    private Entry<V> fresh(K key) {
        long now = nanoClock.getAsLong();
        Entry<V> entry = found.get(key);
        if (entry == null) {
            entry = missing.get(key);
        }
        if (entry != null && entry.expiredAt(now)) {
            found.remove(key, entry);
            missing.remove(key, entry);
            return null;
        }
        return entry;
    }

    private Optional<V> load(K key, Function<? super K, Optional<V>> loader) {
        CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<V>> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Optional<V> value = fetch(key, loader);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            loading.remove(key, mine);
        }
    }

    private Optional<V> fetch(K key, Function<? super K, Optional<V>> loader) {
        Entry<V> cached = fresh(key); // another load may have finished between the miss and putIfAbsent
        if (cached != null) {
            return cached.value();
        }
        long before = generation.get();
        Optional<V> value = Objects.requireNonNull(loader.apply(key), "the loader returned null");
        Entry<V> entry = store(key, value);
        if (entry != null && generation.get() != before) {
            found.remove(key, entry);
            missing.remove(key, entry);
        }
        return value;
    }

    private Entry<V> store(K key, Optional<V> value) {
        long now = nanoClock.getAsLong();
        if (value.isPresent()) {
            missing.remove(key);
            return put(found, policy.maxFound(), key, new Entry<>(value, now + policy.foundTtlNanos()), now);
        }
        found.remove(key);
        if (policy.missTtlNanos() == 0) {
            return null;
        }
        return put(missing, policy.maxMissing(), key, new Entry<>(value, now + policy.missTtlNanos()), now);
    }

    private static <K, V> Entry<V> put(Map<K, Entry<V>> map, int max, K key, Entry<V> entry, long now) {
        if (map.size() >= max && !map.containsKey(key)) {
            makeRoom(map, max, now);
        }
        map.put(key, entry);
        return entry;
    }

    // Drops expired entries, then arbitrary ones down to 90% of the bound, so that a full cache
    // scans once per tenth of its size rather than on every insert.
    private static <K, V> void makeRoom(Map<K, Entry<V>> map, int max, long now) {
        map.values().removeIf(entry -> entry.expiredAt(now));
        int target = max - Math.max(1, max / 10);
        Iterator<K> keys = map.keySet().iterator();
        while (map.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static <V> Optional<V> await(CompletableFuture<Optional<V>> running) {
        try {
            return running.join();
        } catch (CompletionException wrapped) {
            Throwable cause = wrapped.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }

    /** An answer and the nano time at which it stops being fresh. */
    private record Entry<V>(Optional<V> value, long expiresAtNanos) {

        // Subtraction, not comparison: nano times may overflow, their differences do not.
        boolean expiredAt(long now) {
            return now - expiresAtNanos >= 0;
        }
    }
}
