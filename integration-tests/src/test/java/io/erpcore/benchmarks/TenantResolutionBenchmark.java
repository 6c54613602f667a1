package io.erpcore.benchmarks;

import io.erpcore.tenancy.CachingTenantDirectory;
import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantAdmission;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantResolution;
import io.erpcore.tenancy.TenantResolver;
import io.erpcore.tenancy.TenantStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The tenant step of every tenant route, for a rotating set of 64 active tenants, whole and in its
 * two parts:
 * <ul>
 *   <li>{@code resolveClaimAndHeader}: {@link TenantResolver#resolve} of a {@code tid} claim and an
 *   agreeing {@code X-Tenant-ID} header, both parsed as UUIDs.</li>
 *   <li>{@code cachedDirectoryLookup}: {@link CachingTenantDirectory#findById} of a tenant it holds.</li>
 *   <li>{@code resolveAndAdmit}: both and {@link TenantAdmission#admit}, as the HTTP chain runs them.</li>
 * </ul>
 * The cache's delegate is an in-memory directory rather than PostgreSQL: it is asked once per tenant
 * every 5 s (the cache's time to live), and what that read costs is the database's, measured by
 * {@link RlsThroughputBenchmark}. The set-up checks that every tenant resolves and is admitted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantResolutionBenchmark {

    private static final int TENANTS = 64;

    private final TenantId[] ids = new TenantId[TENANTS];
    private final TenantResolver.Request[] requests = new TenantResolver.Request[TENANTS];
    private CachingTenantDirectory directory;

    @Setup(Level.Trial)
    public void sixtyFourActiveTenants() {
        InMemoryTenantDirectory tenants = InMemoryTenantDirectory.of();
        for (int i = 0; i < TENANTS; i++) {
            ids[i] = TenantId.random();
            tenants.put(new Tenant(ids[i], "tenant-" + i, "Tenant " + i, TenantStatus.ACTIVE, Optional.empty(),
                    Instant.parse("2026-01-01T00:00:00Z")));
            requests[i] = new TenantResolver.Request(Optional.of(ids[i].toString()), Optional.of(ids[i].toString()), true);
        }
        directory = CachingTenantDirectory.of(tenants);
        for (int i = 0; i < TENANTS; i++) {
            TenantAdmission admission = resolveAndAdmit(requests[i]);
            if (!(admission instanceof TenantAdmission.Admitted admitted) || !admitted.tenant().id().equals(ids[i])) {
                throw new IllegalStateException("tenant " + ids[i] + " was not admitted: " + admission);
            }
        }
    }

    /** Each thread's position in the rotation of tenants. */
    @State(Scope.Thread)
    public static class Rotation {
        private int next;

        int next() {
            return next++ & (TENANTS - 1);
        }
    }

    @Benchmark
    public TenantResolution resolveClaimAndHeader(Rotation rotation) {
        return TenantResolver.resolve(requests[rotation.next()]);
    }

    @Benchmark
    public Optional<Tenant> cachedDirectoryLookup(Rotation rotation) {
        return directory.findById(ids[rotation.next()]);
    }

    @Benchmark
    public TenantAdmission resolveAndAdmit(Rotation rotation) {
        return resolveAndAdmit(requests[rotation.next()]);
    }

    private TenantAdmission resolveAndAdmit(TenantResolver.Request request) {
        TenantResolution resolution = TenantResolver.resolve(request);
        if (!(resolution instanceof TenantResolution.Resolved resolved)) {
            throw new IllegalStateException("a request of the benchmark was refused: " + resolution);
        }
        return TenantAdmission.admit(resolved.tenant(), directory.findById(resolved.tenant()));
    }
}
