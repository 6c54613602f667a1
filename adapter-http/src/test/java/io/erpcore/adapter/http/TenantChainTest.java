package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.InMemoryTenantDirectory;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantChainTest {

    private final Tenant acme = new Tenant(TenantId.random(), "acme", "Acme", TenantStatus.ACTIVE, Optional.empty(), Instant.now());
    private final Tenant frozen = new Tenant(TenantId.random(), "frozen", "Frozen", TenantStatus.SUSPENDED, Optional.empty(), Instant.now());
    private JavalinApplication app;
    private HttpTestClient http;

    @BeforeEach
    void start() {
        app = TestApplications.builder()
                .authenticator(new TestAuthenticator())
                .tenants(InMemoryTenantDirectory.of(acme, frozen))
                .routes(routes -> routes
                        .get("/api/v1/whoami", RouteAccess.tenantMember(),
                                ctx -> ctx.result(app.tenantContext().require() + " " + ApiRequest.of(ctx).principal().orElseThrow().subject()))
                        .get("/api/v1/users", RouteAccess.tenant("users:read"), ctx -> ctx.result("users"))
                        .get("/api/v1/open", RouteAccess.anyone(), ctx -> ctx.result(String.valueOf(app.tenantContext().current().isPresent()))))
                .build().start();
        http = HttpTestClient.on(app);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private String codeOf(HttpResponse<String> response) {
        return response.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1");
    }

    @Test
    void a_tenant_route_without_credentials_is_401() {
        HttpResponse<String> response = http.get("/api/v1/whoami", "X-Tenant-ID", acme.id().toString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(codeOf(response)).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void the_handler_runs_as_the_tenant_of_the_credentials() {
        HttpResponse<String> response = http.get("/api/v1/whoami", "Authorization", TestAuthenticator.header("u1", acme.id().toString()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(acme.id() + " u1");
    }

    @Test
    void a_tenant_header_that_disagrees_with_the_credentials_is_403_tenant_mismatch() {
        HttpResponse<String> response = http.get("/api/v1/whoami",
                "Authorization", TestAuthenticator.header("u1", acme.id().toString()), "X-Tenant-ID", frozen.id().toString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(codeOf(response)).isEqualTo("TENANT_MISMATCH");
    }

    @Test
    void a_suspended_tenant_is_403() {
        HttpResponse<String> response = http.get("/api/v1/whoami", "Authorization", TestAuthenticator.header("u2", frozen.id().toString()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(codeOf(response)).isEqualTo("TENANT_SUSPENDED");
    }

    @Test
    void a_tenant_the_directory_does_not_know_is_401() {
        HttpResponse<String> response = http.get("/api/v1/whoami", "Authorization", TestAuthenticator.header("u3", TenantId.random().toString()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(codeOf(response)).isEqualTo("TENANT_NOT_FOUND");
    }

    @Test
    void refused_credentials_are_401_even_on_a_public_route() {
        HttpResponse<String> response = http.get("/api/v1/open", "Authorization", "Bearer forged");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(codeOf(response)).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void a_public_route_runs_without_a_tenant() {
        HttpResponse<String> response = http.get("/api/v1/open");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("false");
    }

    @Test
    void a_route_permission_the_caller_lacks_is_403_permission_denied() {
        HttpResponse<String> response = http.get("/api/v1/users", "Authorization", TestAuthenticator.header("u1", acme.id().toString(), "me:read"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(codeOf(response)).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void a_wildcard_permission_grants_the_route() {
        HttpResponse<String> response = http.get("/api/v1/users", "Authorization", TestAuthenticator.header("u1", acme.id().toString(), "users:*"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void no_tenant_is_left_on_the_server_thread_after_a_tenant_request() {
        for (int i = 0; i < 20; i++) {
            http.get("/api/v1/whoami", "Authorization", TestAuthenticator.header("u1", acme.id().toString()));
        }

        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/api/v1/open").body()).isEqualTo("false");
        }
    }
}
