package io.erpcore.adapter.http;

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
 * Runs named steps in order, then what comes after them (the route's handler). When a step asks for
 * a delay, the chain hands Javalin a future that resumes the remaining steps and the handler on
 * {@code executor} once the delay has passed, so a slowed-down request holds no thread while it
 * waits. A step that answers the request itself (a CORS preflight) ends the chain.
 */
final class RequestChain {

    private final NamedStep[] steps;
    private final StepObserver observer;
    private final Executor executor;

    RequestChain(List<NamedStep> steps, StepObserver observer, Executor executor) {
        this.steps = steps.toArray(NamedStep[]::new);
        this.observer = observer;
        this.executor = executor;
    }

    List<String> names() {
        return Arrays.stream(steps).map(NamedStep::name).toList();
    }

    /** Runs every step for {@code request}, then {@code then} (which may be null) unless a step answered. */
    void run(Context ctx, ApiRequest request, Handler then) throws Exception {
        runFrom(0, ctx, request, then);
    }

    private void runFrom(int first, Context ctx, ApiRequest request, Handler then) throws Exception {
        RequestMdc.ensure(request);
        for (int index = first; index < steps.length; index++) {
            NamedStep step = steps[index];
            observer.starting(step.name(), request);
            step.step().apply(ctx, request);
            if (request.answered()) {
                return;
            }
            Duration delay = request.takePendingDelay();
            if (!delay.isZero()) {
                resumeLater(index + 1, delay, ctx, request, then);
                return;
            }
        }
        if (then != null) {
            then.handle(ctx);
        }
    }

    private void resumeLater(int next, Duration delay, Context ctx, ApiRequest request, Handler then) {
        Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
        ctx.future(() -> CompletableFuture.runAsync(() -> resume(next, ctx, request, then), later));
    }

    private void resume(int next, Context ctx, ApiRequest request, Handler then) {
        try {
            runFrom(next, ctx, request, then);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
