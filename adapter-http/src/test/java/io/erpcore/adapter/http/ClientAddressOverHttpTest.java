package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientAddressOverHttpTest {

    private JavalinApplication app;

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpTestClient start(String trustProxy) {
        app = TestApplications.builder(Map.of("TRUST_PROXY", trustProxy))
                .routes(routes -> routes.get("/api/v1/ip", RouteAccess.anyone(),
                        ctx -> ctx.result(ApiRequest.of(ctx).clientIp() + " " + ApiRequest.of(ctx).clientKey())))
                .build().start();
        return HttpTestClient.on(app);
    }

    @Test
    void x_forwarded_for_is_ignored_unless_a_proxy_is_trusted() {
        String body = start("none").get("/api/v1/ip", "X-Forwarded-For", "203.0.113.7").body();

        assertThat(body).isEqualTo("127.0.0.1 127.0.0.1");
    }

    @Test
    void one_trusted_hop_takes_the_address_the_proxy_appended() {
        String body = start("1").get("/api/v1/ip", "X-Forwarded-For", "198.51.100.1, 203.0.113.7").body();

        assertThat(body).isEqualTo("203.0.113.7 203.0.113.7");
    }

    @Test
    void two_trusted_hops_reach_one_further_left() {
        String body = start("2").get("/api/v1/ip", "X-Forwarded-For", "198.51.100.1, 203.0.113.7").body();

        assertThat(body).startsWith("198.51.100.1 ");
    }

    @Test
    void a_trusted_network_walks_past_its_own_proxies_only() {
        String body = start("127.0.0.0/8,10.0.0.0/8").get("/api/v1/ip", "X-Forwarded-For", "192.0.2.9, 203.0.113.7, 10.1.2.3").body();

        assertThat(body).startsWith("203.0.113.7 ");
    }

    @Test
    void an_ipv6_client_is_keyed_by_its_64() {
        String body = start("1").get("/api/v1/ip", "X-Forwarded-For", "2001:db8:1:2:aaaa::1").body();

        assertThat(body).isEqualTo("2001:db8:1:2:aaaa::1 2001:db8:1:2::/64");
    }

    @Test
    void an_ipv4_mapped_client_counts_as_its_ipv4_address() {
        String body = start("1").get("/api/v1/ip", "X-Forwarded-For", "::ffff:203.0.113.7").body();

        assertThat(body).isEqualTo("203.0.113.7 203.0.113.7");
    }
}
