package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain runs in the order of DESIGN section 4, with embedded middleware at its defined points. */
class ChainOrderTest {

    private static final List<String> DESIGN_ORDER = List.of(
            "correlation-id", "security-headers", "cors", "client-address", "body-limit",
            "rate-limit", "slow-down", "custom-before-authentication", "authentication", "tenant-resolution",
            "tenant-rate-limit", "custom-after-tenant", "platform-authorization", "authorization", "custom-before-handler", "json-body", "handler");

    private final Tenant tenant = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        app = TestApplications.builder(Map.of("CORS_ORIGINS", "https://app.example.com", "RATE_LIMIT_MAX", "3"))
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(tenant))
                .middleware(ChainPoint.BEFORE_AUTHENTICATION, "custom-before-authentication", (ctx, request) -> { })
                .middleware(ChainPoint.AFTER_TENANT, "custom-after-tenant", (ctx, request) -> { })
                .middleware(ChainPoint.BEFORE_HANDLER, "custom-before-handler", (ctx, request) -> { })
                .observeSteps((name, request) -> seen.add(name))
                .routes(routes -> routes.get("/api/v1/items", RouteAccess.tenant("items:read"), ctx -> ctx.result("items")))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String user(String... permissions) {
        return TestAuthenticator.header("u1", tenant.id().toString(), permissions);
    }

    @Test
    void an_api_request_passes_every_step_in_the_designed_order() {
        http.get("/api/v1/items", "Authorization", user("items:read"), "Origin", "https://app.example.com");

        assertThat(seen).containsExactlyElementsOf(DESIGN_ORDER);
    }

    @Test
    void the_application_reports_the_same_order() {
        assertThat(app.steps()).containsExactlyElementsOf(DESIGN_ORDER);
    }

    @Test
    void a_refused_permission_stops_the_chain_before_the_handler() {
        http.get("/api/v1/items", "Authorization", user("me:read"));

        assertThat(seen).endsWith("authorization").doesNotContain("custom-before-handler", "handler");
    }

    @Test
    void a_rate_limited_request_never_reaches_authentication() {
        for (int i = 0; i < 3; i++) {
            http.get("/api/v1/items", "Authorization", user("items:read"));
        }
        seen.clear();

        assertThat(http.get("/api/v1/items", "Authorization", user("items:read")).statusCode()).isEqualTo(429);
        assertThat(seen).endsWith("rate-limit").doesNotContain("authentication");
    }

    @Test
    void an_operational_endpoint_passes_only_the_steps_before_the_limits() {
        http.get("/health");

        assertThat(seen).containsExactly("correlation-id", "security-headers", "cors", "client-address", "body-limit", "handler");
    }

    @Test
    void an_unknown_path_passes_only_the_steps_before_the_limits() {
        http.get("/api/v1/unknown");

        assertThat(seen).containsExactly("correlation-id", "security-headers", "cors", "client-address", "body-limit");
    }
}
