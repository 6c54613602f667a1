package io.erpcore.adapter.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.cache.JdbiCache;
import org.jdbi.v3.core.cache.JdbiCacheBuilder;
import org.jdbi.v3.core.cache.JdbiCacheLoader;
import org.jdbi.v3.core.cache.JdbiCacheStats;
import org.jdbi.v3.core.statement.CachingSqlParser;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * JDBI's caches of rendered templates and parsed SQL, in Caffeine. JDBI's own cache moves every hit
 * to the head of one list under one lock, and every statement looks up both caches at least once, so
 * on a busy server the request threads queued for that lock. A hit in Caffeine takes none. A loader
 * that returns null is asked again next time, as JDBI's contract allows.
 */
public final class CaffeineJdbiCaches implements JdbiCacheBuilder {

    private final int maxSize;

    private CaffeineJdbiCaches(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Caches of at most {@code maxSize} entries each. */
    static CaffeineJdbiCaches ofSize(int maxSize) {
        return new CaffeineJdbiCaches(maxSize);
    }

    /** Puts {@code jdbi}'s template and SQL caches in Caffeine, each bounded as JDBI bounds its own; returns {@code jdbi}. */
    public static Jdbi install(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.setTemplateCache(ofSize(SqlStatements.SQL_TEMPLATE_CACHE_SIZE));
        statements.setSqlParser(new ColonPrefixSqlParser(ofSize(CachingSqlParser.PARSED_SQL_CACHE_SIZE)));
        return jdbi;
    }

    @Override
    public <K, V> JdbiCache<K, V> build() {
        return new Bounded<>(Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).build(), null, maxSize);
    }

    @Override
    public <K, V> JdbiCache<K, V> buildWithLoader(JdbiCacheLoader<K, V> loader) {
        return new Bounded<>(Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).build(), loader, maxSize);
    }

    @Override
    public JdbiCacheBuilder maxSize(int size) {
        return ofSize(size);
    }

    private record Bounded<K, V>(Cache<K, V> cache, JdbiCacheLoader<K, V> loader, int maxSize) implements JdbiCache<K, V> {

        @Override
        public V get(K key) {
            return loader == null ? cache.getIfPresent(key) : getWithLoader(key, loader);
        }

        @Override
        public V getWithLoader(K key, JdbiCacheLoader<K, V> with) {
            V cached = cache.getIfPresent(key);
            return cached != null ? cached : cache.get(key, with::create);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getStats() {
            JdbiCacheStats stats = new JdbiCacheStats() {
                @Override
                public int cacheSize() {
                    return (int) cache.estimatedSize();
                }

                @Override
                public int maxSize() {
                    return maxSize;
                }
            };
            return (T) stats;
        }
    }
}
