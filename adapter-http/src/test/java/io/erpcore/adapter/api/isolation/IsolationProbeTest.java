package io.erpcore.adapter.api.isolation;

import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.erpcore.adapter.api.StandaloneServer;
import io.erpcore.adapter.api.isolation.ProbePlan.Op;
import io.erpcore.adapter.api.isolation.ProbeTenant.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A randomized probe of tenant isolation over HTTP: 20 tenants made through the API, then at least
 * 10,000 requests on 8 client threads, most of them by one tenant's users or API key at another
 * tenant: its users and keys by id (read, change, delete), its list cursors, its id in
 * {@code X-Tenant-ID}, its owner's e-mail at sign-in, its refresh token at sign-out. No such
 * request may succeed, no answer may hold another tenant's row, and every tenant's data must be
 * as its own callers left it. The plan is drawn from a seed printed first; run again with
 * {@code -Derp.isolation.seed=<seed>} to send the same operations.
 */
class IsolationProbeTest {

    private static final long DEFAULT_SEED = 20_260_521L;
    private static final int TENANTS = 20;
    private static final int OPERATIONS = 10_000;
    private static final int THREADS = 8;

    private static StandaloneServer server;
    private static List<ProbeTenant> tenants;
    private static IsolationProbe probe;

    @BeforeAll
    static void probe() {
        long seed = Long.getLong("erp.isolation.seed", DEFAULT_SEED);
        System.out.println("Isolation probe: seed " + seed + " (to repeat it: -Derp.isolation.seed=" + seed + ")");
        server = StandaloneServer.start("AUTH_RATE_LIMIT_MAX", "1000000", "AUTH_IP_RATE_LIMIT_MAX", "1000000");
        long started = System.nanoTime();
        tenants = onThreads(IntStream.range(0, TENANTS).<Callable<ProbeTenant>>mapToObj(index ->
                () -> ProbeTenant.create(index, server)).toList());
        long made = System.nanoTime();
        probe = new IsolationProbe(server, tenants);
        onThreads(ProbePlan.draw(seed, OPERATIONS, TENANTS).stream().<Callable<Op>>map(op -> () -> {
            probe.run(op);
            return op;
        }).toList());
        long probed = System.nanoTime();
        System.out.println(probe.summary() + "\n  set-up " + Duration.ofNanos(made - started).toMillis() + " ms, probe "
                + Duration.ofNanos(probed - made).toMillis() + " ms on " + THREADS + " threads");
        try {
            probe.figures(seed, THREADS).add("probe", Duration.ofNanos(probed - made).toMillis(), "ms",
                    "how long the requests took on " + THREADS + " threads").write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void no_request_on_another_tenants_resource_succeeds() {
        assertThat(probe.foreignSuccesses()).isEmpty();
    }

    @Test
    void no_answer_holds_a_row_of_another_tenant() {
        assertThat(probe.foreignRows()).isEmpty();
    }

    @Test
    void no_answer_is_a_5xx() {
        assertThat(probe.serverErrors()).isEmpty();
    }

    @Test
    void every_tenants_users_and_keys_are_as_its_own_callers_left_them() {
        for (ProbeTenant tenant : tenants) {
            String[] owner = tenant.authorization(Credential.OWNER);
            JsonNode users = json(server.http().get("/api/v1/users?limit=100", owner)).get("data");
            JsonNode keys = json(server.http().get("/api/v1/api-keys?limit=100", owner)).get("data");

            assertThat(users.findValuesAsText("id")).as("users of %s", tenant).containsAll(tenant.users);
            assertThat(users.findValuesAsText("displayName")).as("names in %s", tenant)
                    .noneMatch(name -> name.startsWith("Taken over") || name.startsWith("Renamed in tenant"));
            assertThat(users.findValuesAsText("status")).as("statuses in %s", tenant).containsOnly("active");
            assertThat(keys.findValuesAsText("id")).as("keys of %s", tenant).containsAll(tenant.keys);
            keys.forEach(key -> assertThat(key.get("revokedAt").isNull()).as("key %s of %s", key.get("id"), tenant).isTrue());
        }
    }

    @Test
    void every_tenants_audit_trail_still_verifies() {
        for (ProbeTenant tenant : tenants) {
            JsonNode verified = json(server.http().get("/api/v1/audit-events/verify", tenant.authorization(Credential.OWNER)));

            assertThat(verified.get("valid").asBoolean()).as("%s: %s", tenant, verified).isTrue();
        }
    }

    @Test
    void the_probe_sent_10000_requests_that_reached_the_handlers() {
        assertThat(tenants).hasSize(TENANTS);
        assertThat(probe.requests()).isGreaterThanOrEqualTo(10_000);
        assertThat(probe.foreignAttempts()).isGreaterThan(OPERATIONS / 2);
        assertThat(probe.rowsChecked()).isGreaterThan(10_000);
        assertThat(probe.answered("404 NOT_FOUND")).as("ids refused by the handlers").isPositive();
        assertThat(probe.answered("403 TENANT_MISMATCH")).as("headers refused by tenant resolution").isPositive();
        assertThat(probe.answered("201")).as("creations in the caller's tenant").isPositive();
    }

    private static <T> List<T> onThreads(List<Callable<T>> tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : threads.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe operation failed to run", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }
}
