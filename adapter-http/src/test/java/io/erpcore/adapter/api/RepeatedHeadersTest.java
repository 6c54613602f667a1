package io.erpcore.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.adapter.api.StandaloneServer.TenantAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Headers that hold one value, sent twice over a raw socket: each is read as its lines joined
 * (RFC 9110), so the request is refused as a malformed value of that header rather than served on
 * whichever line the server happens to read first (docs/errors.md).
 */
class RepeatedHeadersTest {

    private static StandaloneServer server;
    private static RawHttp raw;
    private static TenantAccount a;
    private static TenantAccount b;
    private static String aOwner;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
        raw = RawHttp.on(server.port());
        a = server.newTenant();
        b = server.newTenant();
        aOwner = server.signInOwner(a);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void x_tenant_id_sent_twice_is_400_malformed_tenant_even_when_the_first_names_the_callers_tenant() {
        RawHttp.Answer answer = get("/api/v1/users", "Authorization", "Bearer " + aOwner, "X-Tenant-ID", a.id(),
                "X-Tenant-ID", b.id());

        assertProblem(answer, 400, "MALFORMED_TENANT");
    }

    @Test
    void x_tenant_id_sent_twice_naming_the_callers_tenant_both_times_is_400_too() {
        RawHttp.Answer answer = get("/api/v1/me", "Authorization", "Bearer " + aOwner, "X-Tenant-ID", a.id(),
                "X-Tenant-ID", a.id());

        assertProblem(answer, 400, "MALFORMED_TENANT");
    }

    @Test
    void x_tenant_id_sent_once_naming_the_callers_tenant_is_served() {
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + aOwner, "X-Tenant-ID", a.id()).status()).isEqualTo(200);
    }

    @Test
    void authorization_sent_twice_is_401_even_when_the_first_is_a_valid_token() {
        RawHttp.Answer answer = get("/api/v1/me", "Authorization", "Bearer " + aOwner, "Authorization", "Bearer forged");

        assertProblem(answer, 401, "INVALID_TOKEN");
    }

    @Test
    void authorization_sent_twice_with_the_same_valid_token_is_401() {
        RawHttp.Answer answer = get("/api/v1/me", "Authorization", "Bearer " + aOwner, "Authorization", "Bearer " + aOwner);

        assertProblem(answer, 401, "INVALID_TOKEN");
    }

    @Test
    void authorization_sent_twice_on_the_platform_api_is_403_even_when_the_first_is_the_platform_token() {
        RawHttp.Answer answer = get("/api/v1/tenants", "Authorization", "Bearer " + StandaloneServer.PLATFORM_TOKEN,
                "Authorization", "Bearer something-else");

        assertProblem(answer, 403, "PLATFORM_TOKEN_REQUIRED");
    }

    @Test
    void content_type_sent_twice_is_415_even_when_the_first_is_json() {
        byte[] body = "{\"name\":\"twice\",\"scopes\":[\"users:read\"]}".getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = raw.send("POST", "/api/v1/api-keys", RawHttp.withLength(List.of("Authorization",
                "Bearer " + aOwner, "Content-Type", "application/json", "Content-Type", "text/plain"), body), body);

        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static RawHttp.Answer get(String path, String... headers) {
        return raw.send("GET", path, List.of(headers), new byte[0]);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }
}
