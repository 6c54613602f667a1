package io.erpcore.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Request limits per IP, per tenant and for failed logins, and the progressive slow-down. */
public record RateLimitConfig(
        @Variable("RATE_LIMIT_ENABLED") boolean enabled,
        @Variable("RATE_LIMIT_WINDOW_MS") @DurationMin(seconds = 1) Duration window,
        @Variable("RATE_LIMIT_MAX") @Min(1) int maxPerIp,
        @Variable("AUTH_RATE_LIMIT_MAX") @Min(1) int failedLoginsPerAccount,
        @Variable("AUTH_IP_RATE_LIMIT_MAX") @Min(1) int failedLoginsPerIp,
        @Variable("TENANT_RATE_LIMIT_MAX") @Min(1) int maxPerTenant,
        @Variable("SPEED_LIMIT_DELAY_AFTER") @Min(1) int slowDownAfter,
        @Variable("SPEED_LIMIT_DELAY_MS") Duration slowDownStep,
        @Variable("SPEED_LIMIT_MAX_DELAY_MS") Duration slowDownMax,
        @Variable("RATE_LIMIT_REDIS_FAILURE") RedisFailureMode redisFailureMode) {

    @Variable(value = "AUTH_IP_RATE_LIMIT_MAX", reads = "AUTH_RATE_LIMIT_MAX")
    @AssertTrue(message = "must be at least AUTH_RATE_LIMIT_MAX: the limit across accounts cannot be below the one per account")
    public boolean isIpLoginLimitAboveAccountLimit() {
        return failedLoginsPerIp >= failedLoginsPerAccount;
    }

    @Variable(value = "SPEED_LIMIT_MAX_DELAY_MS", reads = "SPEED_LIMIT_DELAY_MS")
    @AssertTrue(message = "must be at least SPEED_LIMIT_DELAY_MS")
    public boolean isMaxDelayAboveStep() {
        return slowDownMax.compareTo(slowDownStep) >= 0;
    }
}
