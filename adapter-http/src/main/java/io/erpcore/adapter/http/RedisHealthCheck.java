package io.erpcore.adapter.http;

import io.erpcore.adapter.ratelimit.RedisPing;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code redis} component: a {@link RedisPing} of {@code REDIS_URL}; closed when the schedule stops. */
final class RedisHealthCheck implements HealthCheck, AutoCloseable {

    private final RedisPing ping;

    RedisHealthCheck(RedisPing ping) {
        this.ping = ping;
    }

    @Override
    public ComponentHealth check() {
        RedisPing.Answer answer = ping.ping();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("latencyMs", answer.latency().toMillis());
        answer.problem().ifPresent(problem -> details.put("problem", problem));
        return answer.up() ? ComponentHealth.up(details) : ComponentHealth.down(details);
    }

    @Override
    public void close() {
        ping.close();
    }
}
