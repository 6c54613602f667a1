package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitOverHttpTest {

    private final Tenant ordinary = new Tenant(TenantId.random(), "ordinary", "Ordinary", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
    private final Tenant small = new Tenant(TenantId.random(), "small", "Small", TenantStatus.ACTIVE, Optional.of(2), Instant.now());
    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(Map<String, String> variables) {
        app = TestApplications.builder(variables)
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(ordinary, small))
                .routes(routes -> routes
                        .get("/api/v1/open", RouteAccess.anyone(), ctx -> ctx.result("ok"))
                        .get("/api/v1/mine", RouteAccess.tenantMember(), ctx -> ctx.result("ok")))
                .build().start();
        return HttpTestClient.on(app);
    }

    @Test
    void the_general_limit_allows_its_maximum_then_answers_429_with_retry_after() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_MAX", "3"));

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> allowed = http.get("/api/v1/open");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(allowed.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
            assertThat(Long.parseLong(allowed.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1L, 900L);
        }
        HttpResponse<String> refused = http.get("/api/v1/open");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void the_operational_endpoints_are_outside_the_limits() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_MAX", "1"));
        http.get("/api/v1/open");

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ping = http.get("/ping");
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.headers().firstValue("RateLimit-Limit")).isEmpty();
        }
        assertThat(http.get("/api/v1/open").statusCode()).isEqualTo(429);
    }

    @Test
    void a_tenants_own_limit_overrides_the_default_per_client_and_tenant() {
        HttpTestClient http = start(Map.of("TENANT_RATE_LIMIT_MAX", "5"));
        String smallUser = TestAuthenticator.header("u1", small.id().toString());

        assertThat(http.get("/api/v1/mine", "Authorization", smallUser).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/mine", "Authorization", smallUser).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.get("/api/v1/mine", "Authorization", smallUser);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("2");
    }

    @Test
    void another_tenant_from_the_same_client_keeps_its_own_budget() {
        HttpTestClient http = start(Map.of("TENANT_RATE_LIMIT_MAX", "5"));
        String smallUser = TestAuthenticator.header("u1", small.id().toString());
        String ordinaryUser = TestAuthenticator.header("u2", ordinary.id().toString());
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/mine", "Authorization", smallUser);
        }

        HttpResponse<String> response = http.get("/api/v1/mine", "Authorization", ordinaryUser);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("5");
        assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void a_forged_x_forwarded_for_does_not_escape_the_limit_when_no_proxy_is_trusted() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_MAX", "2"));
        http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.1");
        http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.2");

        assertThat(http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.3").statusCode()).isEqualTo(429);
    }

    @Test
    void behind_a_trusted_proxy_each_client_address_has_its_own_limit() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_MAX", "2", "TRUST_PROXY", "1"));
        http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.1");
        http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.1");

        assertThat(http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.1").statusCode()).isEqualTo(429);
        assertThat(http.get("/api/v1/open", "X-Forwarded-For", "198.51.100.2").statusCode()).isEqualTo(200);
    }

    @Test
    void ipv6_clients_of_one_64_share_a_limit() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_MAX", "2", "TRUST_PROXY", "1"));
        http.get("/api/v1/open", "X-Forwarded-For", "2001:db8:1:2::1");
        http.get("/api/v1/open", "X-Forwarded-For", "2001:db8:1:2::2");

        assertThat(http.get("/api/v1/open", "X-Forwarded-For", "2001:db8:1:2:ffff::9").statusCode()).isEqualTo(429);
        assertThat(http.get("/api/v1/open", "X-Forwarded-For", "2001:db8:1:3::1").statusCode()).isEqualTo(200);
    }

    @Test
    void limits_switched_off_send_no_rate_limit_headers() {
        HttpTestClient http = start(Map.of("RATE_LIMIT_ENABLED", "false", "RATE_LIMIT_MAX", "1"));

        assertThat(http.get("/api/v1/open").statusCode()).isEqualTo(200);
        HttpResponse<String> second = http.get("/api/v1/open");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("RateLimit-Limit")).isEmpty();
    }
}
