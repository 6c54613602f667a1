package io.erpcore.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextPropagationTest {

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        MDC.clear();
    }

    @Test
    void a_wrapped_runnable_sees_the_callers_context_on_another_thread() throws Exception {
        CompletableFuture<Map<LogField, String>> seen = new CompletableFuture<>();
        try (LogScope scope = request("req-1", "tenant-a")) {
            worker.submit(LogContext.wrap(() -> seen.complete(LogContext.current()))).get();
        }

        assertThat(seen.get())
                .containsEntry(LogField.CORRELATION_ID, "req-1")
                .containsEntry(LogField.TENANT_ID, "tenant-a");
    }

    @Test
    void the_worker_thread_has_no_context_after_a_wrapped_task() throws Exception {
        try (LogScope scope = request("req-1", "tenant-a")) {
            worker.submit(LogContext.wrap(() -> { })).get();
        }

        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isNull();
    }

    @Test
    void the_worker_thread_has_no_context_after_a_wrapped_task_throws() throws Exception {
        try (LogScope scope = request("req-1", "tenant-a")) {
            Future<?> failed = worker.submit(LogContext.wrap((Runnable) () -> {
                throw new IllegalStateException("boom");
            }));
            assertThatThrownBy(failed::get).hasCauseInstanceOf(IllegalStateException.class);
        }

        assertThat(worker.submit(() -> MDC.getCopyOfContextMap()).get()).isNullOrEmpty();
    }

    @Test
    void the_worker_thread_gets_its_own_context_back_after_a_wrapped_task() throws Exception {
        worker.submit(() -> MDC.put("correlationId", "worker-own")).get();
        try (LogScope scope = request("req-1", "tenant-a")) {
            worker.submit(LogContext.wrap(() -> { })).get();
        }

        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isEqualTo("worker-own");
    }

    @Test
    void a_wrapped_task_runs_without_context_when_the_caller_had_none() throws Exception {
        worker.submit(() -> MDC.put("correlationId", "worker-own")).get();
        Callable<String> task = LogContext.wrap(() -> MDC.get("correlationId"));

        assertThat(worker.submit(task).get()).isNull();
        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isEqualTo("worker-own");
    }

    @Test
    void the_context_is_captured_when_the_task_is_wrapped() throws Exception {
        Callable<String> task;
        try (LogScope scope = request("at-wrap-time", "tenant-a")) {
            task = LogContext.wrap(() -> MDC.get("correlationId"));
        }

        try (LogScope scope = request("at-run-time", "tenant-b")) {
            assertThat(worker.submit(task).get()).isEqualTo("at-wrap-time");
        }
    }

    @Test
    void the_whole_mdc_travels_not_only_the_context_fields() throws Exception {
        MDC.put("custom", "value");

        assertThat(worker.submit(LogContext.wrap(() -> MDC.get("custom"))).get()).isEqualTo("value");
    }

    @Test
    void a_wrapped_callable_returns_its_value_and_clears_the_worker_when_it_throws() throws Exception {
        try (LogScope scope = request("req-2", "tenant-b")) {
            assertThat(worker.submit(LogContext.wrap(() -> LogContext.get(LogField.TENANT_ID).orElseThrow())).get())
                    .isEqualTo("tenant-b");
            Future<Object> failed = worker.submit(LogContext.wrap((Callable<Object>) () -> {
                throw new Exception("boom");
            }));
            assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class);
        }

        assertThat(worker.submit(() -> MDC.get("tenantId")).get()).isNull();
    }

    @Test
    void a_propagating_executor_carries_the_context_to_every_task() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        try (LogScope scope = request("req-3", "tenant-c")) {
            LogContext.propagating((Executor) worker)
                    .execute(() -> seen.complete(MDC.get("correlationId")));
        }

        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("req-3");
        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isNull();
    }

    @Test
    void a_propagating_executor_service_carries_the_context_to_submitted_tasks() throws Exception {
        ExecutorService propagating = LogContext.propagating(worker);
        CompletableFuture<String> seenByRunnable = new CompletableFuture<>();
        CompletableFuture<String> seenByExecute = new CompletableFuture<>();
        try (LogScope scope = request("req-4", "tenant-d")) {
            assertThat(propagating.submit(() -> MDC.get("tenantId")).get()).isEqualTo("tenant-d");
            propagating.submit(() -> {
                seenByRunnable.complete(MDC.get("correlationId"));
            }).get();
            propagating.execute(() -> seenByExecute.complete(MDC.get("correlationId")));
        }

        assertThat(seenByRunnable.get()).isEqualTo("req-4");
        assertThat(seenByExecute.get(5, TimeUnit.SECONDS)).isEqualTo("req-4");
        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isNull();
    }

    @Test
    void invoke_all_runs_every_task_under_the_callers_context() throws Exception {
        ExecutorService propagating = LogContext.propagating(worker);
        List<Callable<String>> tasks = List.of(() -> MDC.get("correlationId"), () -> MDC.get("tenantId"));
        List<Future<String>> results;
        try (LogScope scope = request("req-5", "tenant-e")) {
            results = propagating.invokeAll(tasks);
        }

        assertThat(results.get(0).get()).isEqualTo("req-5");
        assertThat(results.get(1).get()).isEqualTo("tenant-e");
        assertThat(worker.submit(() -> MDC.get("correlationId")).get()).isNull();
    }

    @Test
    void invoke_any_runs_the_task_under_the_callers_context() throws Exception {
        ExecutorService propagating = LogContext.propagating(worker);
        try (LogScope scope = request("req-6", "tenant-f")) {
            List<Callable<String>> tasks = List.of(() -> MDC.get("correlationId"));

            assertThat(propagating.invokeAny(tasks)).isEqualTo("req-6");
        }
    }

    @Test
    void shutting_down_a_propagating_executor_service_shuts_down_the_delegate() throws Exception {
        ExecutorService propagating = LogContext.propagating(worker);

        propagating.shutdown();

        assertThat(worker.isShutdown()).isTrue();
        assertThat(propagating.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(propagating.isTerminated()).isTrue();
    }

    private static LogScope request(String correlationId, String tenantId) {
        return LogContext.put(Map.of(LogField.CORRELATION_ID, correlationId, LogField.TENANT_ID, tenantId));
    }
}
