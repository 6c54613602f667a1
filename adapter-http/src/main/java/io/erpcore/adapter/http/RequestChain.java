package io.erpcore.adapter.http;

import io.erpcore.logging.LogContext;
import io.erpcore.logging.LogScope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs named steps in order as one Javalin handler. When a step asks for a delay, the chain hands
 * Javalin a future that resumes the remaining steps on {@code executor} once the delay has passed,
 * so a slowed-down request holds no thread while it waits; Javalin then goes on with the route's
 * handler.
 */
final class RequestChain implements Handler {

    private final NamedStep[] steps;
    private final boolean includesOperational;
    private final StepObserver observer;
    private final Executor executor;

    private RequestChain(List<NamedStep> steps, boolean includesOperational, StepObserver observer, Executor executor) {
        this.steps = steps.toArray(NamedStep[]::new);
        this.includesOperational = includesOperational;
        this.observer = observer;
        this.executor = executor;
    }

    /** Steps that every request passes, the operational endpoints included. */
    static RequestChain everyRequest(List<NamedStep> steps, StepObserver observer, Executor executor) {
        return new RequestChain(steps, true, observer, executor);
    }

    /** Steps that only API requests pass: the operational endpoints skip them. */
    static RequestChain apiRequests(List<NamedStep> steps, StepObserver observer, Executor executor) {
        return new RequestChain(steps, false, observer, executor);
    }

    List<String> names() {
        return Arrays.stream(steps).map(NamedStep::name).toList();
    }

    @Override
    public void handle(Context ctx) throws Exception {
        ApiRequest request = ApiRequest.of(ctx);
        if (!request.answered() && (includesOperational || !request.operational())) {
            runFrom(0, ctx, request);
        }
    }

    private void runFrom(int first, Context ctx, ApiRequest request) throws Exception {
        try (LogScope bound = LogContext.put(request.logFields())) {
            for (int index = first; index < steps.length; index++) {
                NamedStep step = steps[index];
                observer.starting(step.name(), request);
                step.step().apply(ctx, request);
                if (request.answered()) {
                    return;
                }
                Duration delay = request.takePendingDelay();
                if (!delay.isZero()) {
                    resumeLater(index + 1, delay, ctx, request);
                    return;
                }
            }
        }
    }

    private void resumeLater(int next, Duration delay, Context ctx, ApiRequest request) {
        Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
        ctx.future(() -> CompletableFuture.runAsync(() -> resume(next, ctx, request), later));
    }

    private void resume(int next, Context ctx, ApiRequest request) {
        try {
            runFrom(next, ctx, request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
