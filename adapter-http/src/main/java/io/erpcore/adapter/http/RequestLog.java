package io.erpcore.adapter.http;

import io.erpcore.logging.LogField;
import io.erpcore.logging.StructuredLogger;
import io.erpcore.metrics.Metrics;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain's last step: one log line and the request metrics for every request, errors and
 * unmatched paths included. Metrics carry the route template, never the raw path; the operational
 * endpoints are counted but logged only when they fail, so probes do not flood the log.
 */
final class RequestLog implements RequestLogger {

    private static final StructuredLogger LOG = StructuredLogger.forModule("http");

    private final Metrics metrics;

    RequestLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float executionMs) {
        ApiRequest request = ApiRequest.find(ctx).orElse(null);
        if (request == null) {
            return; // refused by the server before the chain began; Jetty logged it
        }
        try {
            double durationMs = (System.nanoTime() - request.startNanos()) / 1_000_000.0;
            int status = ctx.statusCode();
            String method = ctx.method().name();
            metrics.recordRequest(method, request.route(), status, durationMs, request.logFields().get(LogField.TENANT_ID));
            if ((!request.operational() || status >= 500) && LOG.isHttpEnabled()) {
                RequestMdc.ensure(request);
                log(ctx, request, method, status, durationMs);
            }
        } finally {
            RequestMdc.unbind(); // the request's last act on this thread
        }
    }

    private static void log(Context ctx, ApiRequest request, String method, int status, double durationMs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("method", method);
        line.put("route", request.route());
        line.put("path", ctx.path());
        line.put("status", status);
        line.put("durationMs", Math.round(durationMs * 100) / 100.0);
        line.put("ip", request.clientIp());
        LOG.http(method + " " + ctx.path() + " " + status, line);
    }
}
