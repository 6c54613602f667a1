package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogField;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadLocalTenantContextPropagationTest {

    private static final TenantId ACME = TenantId.parse("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");
    private static final TenantId GLOBEX = TenantId.parse("8d0c6f5e-1b2a-4c3d-9e8f-7a6b5c4d3e2f");

    private final ThreadLocalTenantContext context = ThreadLocalTenantContext.create();
    private ExecutorService worker;

    // The worker thread is started outside any tenant, so nothing it sees can come from inheritance.
    @BeforeEach
    void startWorker() throws Exception {
        worker = Executors.newSingleThreadExecutor();
        worker.submit(() -> { }).get();
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        worker.shutdownNow();
        assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_propagated_callable_runs_as_the_submitting_tenant() throws Exception {
        Optional<TenantId> seen = context.callAs(ACME,
                () -> worker.submit(ThreadLocalTenantContext.propagate(context::current)).get());

        assertThat(seen).contains(ACME);
    }

    @Test
    void a_propagated_runnable_runs_as_the_submitting_tenant() throws Exception {
        AtomicReference<Optional<TenantId>> seen = new AtomicReference<>();

        context.runAs(ACME, () -> worker.submit(ThreadLocalTenantContext.propagate(
                (Runnable) () -> seen.set(context.current()))).get());

        assertThat(seen.get()).contains(ACME);
    }

    @Test
    void a_propagated_task_carries_the_tenant_in_the_log_context() throws Exception {
        Callable<Optional<String>> logged = () -> LogContext.get(LogField.TENANT_ID);

        Optional<String> seen = context.callAs(ACME, () -> worker.submit(ThreadLocalTenantContext.propagate(logged)).get());

        assertThat(seen).contains(ACME.toString());
    }

    @Test
    void a_task_that_is_not_propagated_runs_without_the_tenant() throws Exception {
        Optional<TenantId> seen = context.callAs(ACME, () -> worker.submit(context::current).get());

        assertThat(seen).isEmpty();
    }

    @Test
    void the_worker_is_clean_after_a_propagated_task() throws Exception {
        context.runAs(ACME, () -> worker.submit(ThreadLocalTenantContext.propagate(() -> { })).get());

        assertThat(worker.submit(context::current).get()).isEmpty();
        assertThat(worker.submit(() -> LogContext.get(LogField.TENANT_ID)).get()).isEmpty();
    }

    @Test
    void the_worker_is_clean_after_a_propagated_task_throws() throws Exception {
        Callable<Object> failing = context.callAs(ACME, ThreadLocalTenantContextPropagationTest::failingTask);

        assertThatThrownBy(() -> worker.submit(failing).get())
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");

        assertThat(worker.submit(context::current).get()).isEmpty();
        assertThat(worker.submit(() -> LogContext.get(LogField.TENANT_ID)).get()).isEmpty();
    }

    @Test
    void the_tenant_is_captured_when_the_task_is_wrapped_not_when_it_runs() throws Exception {
        Callable<Optional<TenantId>> wrapped = context.callAs(ACME,
                () -> ThreadLocalTenantContext.propagate(context::current));

        assertThat(worker.submit(wrapped).get()).contains(ACME);
    }

    @Test
    void a_task_wrapped_outside_any_tenant_runs_without_one_even_on_a_busy_thread() throws Exception {
        Callable<Optional<TenantId>> wrapped = ThreadLocalTenantContext.propagate(context::current);

        Optional<TenantId> seen = context.callAs(ACME, wrapped::call);

        assertThat(seen).isEmpty();
    }

    @Test
    void a_task_run_inside_another_tenants_work_runs_as_its_own_tenant_and_restores_that_work() throws Exception {
        Callable<Optional<TenantId>> wrapped = context.callAs(GLOBEX,
                () -> ThreadLocalTenantContext.propagate(context::current));

        // As when a pool thread runs a stolen or caller-run task in the middle of other work.
        List<Optional<TenantId>> seen = context.callAs(ACME, () -> List.of(wrapped.call(), context.current()));

        assertThat(seen).containsExactly(Optional.of(GLOBEX), Optional.of(ACME));
    }

    private static Callable<Object> failingTask() {
        return ThreadLocalTenantContext.propagate(() -> {
            throw new IllegalStateException("boom");
        });
    }
}
