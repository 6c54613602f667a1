package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.Problems.assertProblem;
import static io.erpcore.adapter.api.StandaloneServer.OWNER_PASSWORD;
import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failed-login limit with its defaults ({@code AUTH_RATE_LIMIT_MAX} 5 per account and address,
 * {@code AUTH_IP_RATE_LIMIT_MAX} 50 per address): every request here comes from 127.0.0.1, and
 * each test spends the budget of accounts of its own tenant.
 */
class LoginLimitsTest {

    private static final String WRONG_PASSWORD = "not the password at all";
    private static final String COLLEAGUE_PASSWORD = "seven copper kettles on a shelf";

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
    void five_failed_logins_are_401_and_the_sixth_is_429_with_retry_after() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        failFiveTimes(acme);

        HttpResponse<String> sixth = server.login(acme.slug(), acme.ownerEmail(), WRONG_PASSWORD);

        assertProblem(sixth, 429, "RATE_LIMITED");
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    @Test
    void after_five_failures_even_the_right_password_is_refused_with_429() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        failFiveTimes(acme);

        HttpResponse<String> right = server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);

        assertProblem(right, 429, "RATE_LIMITED");
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void another_account_of_the_same_tenant_from_the_same_address_still_logs_in() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        String colleague = "colleague@" + acme.slug() + ".example";
        String owner = server.signIn(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
        HttpResponse<String> created = server.post("/api/v1/users", "{\"email\":\"" + colleague
                + "\",\"displayName\":\"Colleague\",\"password\":\"" + COLLEAGUE_PASSWORD + "\",\"roles\":[\"member\"]}",
                bearer(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        failFiveTimes(acme);
        assertThat(server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD).statusCode()).isEqualTo(429);

        HttpResponse<String> login = server.login(acme.slug(), colleague, COLLEAGUE_PASSWORD);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    @Test
    void successful_logins_do_not_spend_the_failure_budget() {
        StandaloneServer.TenantAccount acme = server.newTenant();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> login = server.login(acme.slug(), acme.ownerEmail(), OWNER_PASSWORD);
            assertThat(login.statusCode()).as("login %d: %s", i + 1, login.body()).isEqualTo(200);
        }

        failFiveTimes(acme);
    }

    /** Five wrong passwords for acme's owner, each an ordinary 401. */
    private static void failFiveTimes(StandaloneServer.TenantAccount acme) {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> failed = server.login(acme.slug(), acme.ownerEmail(), WRONG_PASSWORD);
            assertThat(failed.statusCode()).as("failure %d: %s", i, failed.body()).isEqualTo(401);
            assertProblem(failed, 401, "INVALID_CREDENTIALS");
        }
    }
}
