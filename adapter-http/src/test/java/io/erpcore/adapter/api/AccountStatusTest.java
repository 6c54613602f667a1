package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.Problems.assertProblem;
import static io.erpcore.adapter.api.StandaloneServer.OWNER_PASSWORD;
import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A disabled user and a suspended tenant over HTTP: refused on tokens issued before the change
 * within the 5 s status cache, and refused at login.
 */
class AccountStatusTest {

    private static final String MEMBER_PASSWORD = "quiet lanterns drift over harbour";

    private static StandaloneServer server;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_disabled_user_is_refused_on_its_existing_access_token_within_five_seconds() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        String memberId = createMember(acme, owner);
        String member = server.signIn(acme.slug(), memberEmail(acme), MEMBER_PASSWORD);
        assertThat(me(member).statusCode()).isEqualTo(200);

        disable(memberId, owner);

        assertProblem(Eventually.refused(Eventually.WITHIN_STATUS_CACHE, () -> me(member)), 401, "USER_DISABLED");
    }

    @Test
    void a_user_disabled_by_another_replica_is_refused_within_five_seconds() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        String memberId = createMember(acme, owner);
        String member = server.signIn(acme.slug(), memberEmail(acme), MEMBER_PASSWORD);
        assertThat(me(member).statusCode()).isEqualTo(200); // now cached by this server

        // Another replica's change: this server hears nothing of it and must rely on its cache expiring.
        updateBehindTheServersBack("UPDATE users SET status = 'disabled' WHERE id = ?::uuid", memberId);

        assertProblem(Eventually.refused(Eventually.WITHIN_STATUS_CACHE, () -> me(member)), 401, "USER_DISABLED");
    }

    @Test
    void a_disabled_user_cannot_log_in() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        disable(createMember(acme, owner), owner);

        assertProblem(server.login(acme.slug(), memberEmail(acme), MEMBER_PASSWORD), 401, "USER_DISABLED");
    }

    @Test
    void a_disabled_users_refresh_token_is_refused() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        String memberId = createMember(acme, owner);
        String refreshToken = json(server.login(acme.slug(), memberEmail(acme), MEMBER_PASSWORD))
                .get("refreshToken").asText();

        disable(memberId, owner);

        assertProblem(server.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}"), 401,
                "USER_DISABLED");
    }

    @Test
    void a_suspended_tenant_refuses_its_users_existing_tokens_within_five_seconds() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        assertThat(me(owner).statusCode()).isEqualTo(200);

        setTenantStatus(acme, "suspended");

        assertProblem(Eventually.refused(Eventually.WITHIN_STATUS_CACHE, () -> me(owner)), 403, "TENANT_SUSPENDED");
    }

    @Test
    void a_tenant_suspended_by_another_replica_is_refused_within_five_seconds() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        assertThat(me(owner).statusCode()).isEqualTo(200); // now cached by this server

        updateBehindTheServersBack("UPDATE tenants SET status = 'suspended' WHERE id = ?::uuid", acme.id());

        assertProblem(Eventually.refused(Eventually.WITHIN_STATUS_CACHE, () -> me(owner)), 403, "TENANT_SUSPENDED");
    }

    @Test
    void a_suspended_tenant_refuses_login() {
        StandaloneServer.TenantAccount acme = server.newTenant();

        setTenantStatus(acme, "suspended");

        assertProblem(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD), 403, "TENANT_SUSPENDED");
    }

    @Test
    void a_suspended_tenant_refuses_to_refresh_its_users_tokens() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String refreshToken = json(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD))
                .get("refreshToken").asText();

        setTenantStatus(acme, "suspended");

        assertProblem(server.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}"), 403,
                "TENANT_SUSPENDED");
    }

    @Test
    void a_suspension_leaves_other_tenants_alone() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        StandaloneServer.TenantAccount globex = server.newTenant();
        String globexOwner = server.signIn(globex.slug(), globex.ownerEmail(), OWNER_PASSWORD);

        setTenantStatus(acme, "suspended");

        assertThat(me(globexOwner).statusCode()).isEqualTo(200);
        assertThat(server.login(globex.slug(), globex.ownerEmail(), OWNER_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void a_reactivated_tenant_logs_in_again() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        setTenantStatus(acme, "suspended");

        setTenantStatus(acme, "active");

        HttpResponse<String> login = server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    private static String createMember(StandaloneServer.TenantAccount acme, String owner) {
        HttpResponse<String> created = server.post("/api/v1/users", "{\"email\":\"" + memberEmail(acme)
                + "\",\"displayName\":\"Member\",\"password\":\"" + MEMBER_PASSWORD + "\",\"roles\":[\"member\"]}",
                bearer(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static String memberEmail(StandaloneServer.TenantAccount acme) {
        return "member@" + acme.slug() + ".example";
    }

    private static void disable(String userId, String owner) {
        HttpResponse<String> patched = server.patch("/api/v1/users/" + userId, "{\"status\":\"disabled\"}", bearer(owner));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("status").asText()).isEqualTo("disabled");
    }

    private static void setTenantStatus(StandaloneServer.TenantAccount tenant, String status) {
        HttpResponse<String> patched = server.patch("/api/v1/tenants/" + tenant.id(), "{\"status\":\"" + status + "\"}",
                "Authorization", "Bearer " + StandaloneServer.PLATFORM_TOKEN);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("status").asText()).isEqualTo(status);
    }

    /** Runs {@code sql} with {@code id} as an administrator, past row-level security and past this server. */
    private static void updateBehindTheServersBack(String sql, String id) {
        try (Connection connection = server.testDatabase().adminConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static HttpResponse<String> me(String token) {
        return server.http().get("/api/v1/me", bearer(token));
    }
}
