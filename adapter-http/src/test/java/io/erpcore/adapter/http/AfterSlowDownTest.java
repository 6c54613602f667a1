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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A slowed-down request resumes on another thread: it keeps its log fields, tenant and problem answers. */
class AfterSlowDownTest {

    private final Tenant tenant = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
    private final AtomicReference<String> loggedUnder = new AtomicReference<>();
    private final AtomicReference<String> loggedTenant = new AtomicReference<>();
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        // Every request after the first waits 50 ms, so each test request below resumes after a delay.
        app = TestApplications.builder(Map.of("SPEED_LIMIT_DELAY_AFTER", "1", "SPEED_LIMIT_DELAY_MS", "50",
                        "SPEED_LIMIT_MAX_DELAY_MS", "50"))
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(tenant))
                .routes(routes -> routes
                        .get("/api/v1/mine", RouteAccess.tenantMember(), ctx -> {
                            loggedUnder.set(MDC.get("correlationId"));
                            loggedTenant.set(MDC.get("tenantId"));
                            ctx.result(app.tenantContext().require().toString());
                        })
                        .get("/api/v1/boom", RouteAccess.anyone(), ctx -> {
                            throw new IllegalStateException("after the wait");
                        }))
                .build().start();
        http = HttpTestClient.on(app);
        http.get("/api/v1/boom");
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void the_handler_runs_as_the_tenant_under_the_requests_log_fields() {
        HttpResponse<String> response = http.get("/api/v1/mine", "X-Request-ID", "after-wait-1",
                "Authorization", TestAuthenticator.header("u1", tenant.id().toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(tenant.id().toString());
        assertThat(loggedUnder.get()).isEqualTo("after-wait-1");
        assertThat(loggedTenant.get()).isEqualTo(tenant.id().toString());
    }

    @Test
    void a_refusal_after_the_wait_is_still_a_problem_answer() {
        HttpResponse<String> response = http.get("/api/v1/mine");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"NOT_AUTHENTICATED\"");
        assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
    }

    @Test
    void a_failure_after_the_wait_is_a_500_problem_with_the_correlation_id() {
        HttpResponse<String> response = http.get("/api/v1/boom", "X-Request-ID", "after-wait-2");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"code\":\"INTERNAL_ERROR\"", "\"correlationId\":\"after-wait-2\"");
    }
}
