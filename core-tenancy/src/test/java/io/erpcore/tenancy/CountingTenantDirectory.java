package io.erpcore.tenancy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real directory in front of another that counts the lookups reaching it and can fail once. */
final class CountingTenantDirectory implements TenantDirectory {

    private final TenantDirectory delegate;
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    CountingTenantDirectory(TenantDirectory delegate) {
        this.delegate = delegate;
    }

    int lookups() {
        return lookups.get();
    }

    void failNextLookupWith(RuntimeException failure) {
        nextFailure.set(failure);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        count();
        return delegate.findById(id);
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
        count();
        return delegate.findBySlug(slug);
    }

    private void count() {
        lookups.incrementAndGet();
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }
}
