package io.erpcore.adapter.http;

import io.javalin.http.Context;

/**
 * One step of the request chain. A step reads and enriches the {@link ApiRequest}, may set response
 * headers, and ends the request by throwing a {@link ProblemException}. A step that wants the request
 * to wait (the slow-down) calls {@link ApiRequest#delayBy}; the chain then waits without holding a
 * thread and resumes with the next step.
 *
 * <p>Steps run on server threads, one request at a time per step call; a step shared by requests
 * must be thread-safe and must not block longer than a network round trip.
 */
@FunctionalInterface
public interface RequestStep {

    /** Runs the step for one request. */
    void apply(Context ctx, ApiRequest request) throws Exception;
}
