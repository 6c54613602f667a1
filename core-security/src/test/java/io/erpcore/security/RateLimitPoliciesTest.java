package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitPoliciesTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
    private static final TenantId ACME = TenantId.of(UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a"));

    private final RateLimitPolicies defaults = RateLimitPolicies.from(RateLimitConfigs.config());

    @Test
    void the_general_limit_is_rate_limit_max_per_window() {
        assertThat(defaults.general()).isEqualTo(RateLimit.of("general", 100, FIFTEEN_MINUTES));
    }

    @Test
    void the_tenant_limit_is_tenant_rate_limit_max_per_window() {
        assertThat(defaults.tenant()).isEqualTo(RateLimit.of("tenant", 1000, FIFTEEN_MINUTES));
    }

    @Test
    void the_failed_login_limits_are_per_account_and_per_ip() {
        assertThat(defaults.failedLoginsPerAccount()).isEqualTo(RateLimit.of("login-account", 5, FIFTEEN_MINUTES));
        assertThat(defaults.failedLoginsPerIp()).isEqualTo(RateLimit.of("login-ip", 50, FIFTEEN_MINUTES));
    }

    @Test
    void every_limit_uses_the_configured_window() {
        RateLimitPolicies policies = RateLimitPolicies.from(RateLimitConfigs.config("RATE_LIMIT_WINDOW_MS", "60000"));

        assertThat(policies.general().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policies.tenant().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policies.failedLoginsPerAccount().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policies.failedLoginsPerIp().window()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_tenant_s_own_limit_wins_over_the_default() {
        assertThat(defaults.tenant(Optional.of(250))).isEqualTo(RateLimit.of("tenant", 250, FIFTEEN_MINUTES));
    }

    @Test
    void a_tenant_without_a_limit_of_its_own_gets_the_default() {
        assertThat(defaults.tenant(Optional.empty())).isEqualTo(defaults.tenant());
    }

    @Test
    void the_tenant_key_joins_the_client_and_the_tenant() {
        assertThat(RateLimitPolicies.tenantKey("203.0.113.7", ACME))
                .isEqualTo("203.0.113.7|3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a");
    }

    @Test
    void the_account_key_ignores_the_case_of_the_address() {
        assertThat(RateLimitPolicies.accountKey("203.0.113.7", "Alice@Example.COM"))
                .isEqualTo(RateLimitPolicies.accountKey("203.0.113.7", "alice@example.com"));
    }

    @Test
    void the_account_key_holds_no_address() {
        assertThat(RateLimitPolicies.accountKey("203.0.113.7", "alice@example.com"))
                .startsWith("203.0.113.7|")
                .doesNotContain("alice")
                .hasSize("203.0.113.7|".length() + 32);
    }

    @Test
    void different_accounts_get_different_keys() {
        assertThat(RateLimitPolicies.accountKey("203.0.113.7", "alice@example.com"))
                .isNotEqualTo(RateLimitPolicies.accountKey("203.0.113.7", "bob@example.com"));
    }

    @Test
    void refuses_a_blank_client_key() {
        assertThatThrownBy(() -> RateLimitPolicies.tenantKey(" ", ACME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'clientKey' must not be blank");
    }
}
