package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.TrustProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {

    private static final String PROXY = "10.0.0.2";
    private static final ClientAddresses NO_TRUST = ClientAddresses.from(TrustProxy.none());
    private static final ClientAddresses ONE_HOP = hops(1);
    private static final ClientAddresses PRIVATE_NETWORKS = ClientAddresses.from(TrustProxy.parse("10.0.0.0/8,fd00::/8"));

    private static ClientAddresses hops(int count) {
        return ClientAddresses.from(new TrustProxy.Hops(count));
    }

    private static String resolve(ClientAddresses resolver, String remote, String forwardedFor) {
        return resolver.resolve(remote, forwardedFor).text();
    }

    @Test
    void without_trust_the_socket_peer_is_the_client_whatever_the_header_says() {
        assertThat(resolve(NO_TRUST, PROXY, "203.0.113.7")).isEqualTo(PROXY);
    }

    @Test
    void a_trusted_hop_without_a_header_leaves_the_peer_as_the_client() {
        assertThat(resolve(ONE_HOP, "203.0.113.7", null)).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest(name = "{0} hops: {1}")
    @CsvSource({"1, 198.51.100.2", "2, 198.51.100.1", "3, 198.51.100.1", "5, 198.51.100.1", "10, 198.51.100.1"})
    void counts_trusted_hops_from_the_peer_leftwards_and_stops_at_the_leftmost(int count, String client) {
        assertThat(resolve(hops(count), PROXY, "198.51.100.1, 198.51.100.2")).isEqualTo(client);
    }

    @Test
    void a_spoofed_leftmost_entry_is_not_believed_when_one_hop_is_trusted() {
        // The client wrote "1.1.1.1" itself; the one trusted proxy appended the address it saw.
        assertThat(resolve(ONE_HOP, PROXY, "1.1.1.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void several_headers_joined_by_commas_form_one_chain() {
        assertThat(resolve(hops(2), PROXY, "1.1.1.1, 198.51.100.1" + "," + "198.51.100.2")).isEqualTo("198.51.100.1");
    }

    @Test
    void blanks_around_entries_do_not_matter() {
        assertThat(resolve(hops(2), PROXY, " \t198.51.100.1 ,198.51.100.2\t ")).isEqualTo("198.51.100.1");
    }

    @Test
    void an_empty_header_leaves_the_peer_as_the_client() {
        assertThat(resolve(ONE_HOP, PROXY, "")).isEqualTo(PROXY);
    }

    @Test
    void walks_through_trusted_proxies_to_the_first_untrusted_address() {
        assertThat(resolve(PRIVATE_NETWORKS, PROXY, "203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7");
    }

    @Test
    void an_untrusted_peer_is_the_client_whatever_its_header_says() {
        assertThat(resolve(PRIVATE_NETWORKS, "198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
    }

    @Test
    void entries_left_of_the_first_untrusted_address_are_not_believed() {
        assertThat(resolve(PRIVATE_NETWORKS, PROXY, "1.1.1.1, 10.9.9.9, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void when_every_address_is_trusted_the_leftmost_is_the_client() {
        assertThat(resolve(PRIVATE_NETWORKS, PROXY, "10.7.7.7, 10.1.2.3")).isEqualTo("10.7.7.7");
    }

    @Test
    void trusts_ipv6_proxy_networks() {
        assertThat(resolve(PRIVATE_NETWORKS, "fd00::2", "2001:db8::7, fd12::1")).isEqualTo("2001:db8::7");
    }

    @Test
    void an_ipv4_mapped_peer_counts_as_its_ipv4_address_in_a_trusted_network() {
        assertThat(resolve(PRIVATE_NETWORKS, "[::ffff:10.0.0.2]", "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void an_ipv4_mapped_forwarded_address_is_folded() {
        assertThat(resolve(ONE_HOP, PROXY, "::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "evil.example.com", "localhost", "10.0.0.256", "010.0.0.1", "1.2.3.4/8", "_hidden", ""})
    void a_malformed_entry_stops_the_hop_count_at_the_nearer_address(String garbage) {
        assertThat(resolve(hops(3), PROXY, "1.1.1.1, " + garbage + ", 198.51.100.2")).isEqualTo("198.51.100.2");
    }

    @Test
    void a_malformed_rightmost_entry_leaves_the_peer_as_the_client() {
        assertThat(resolve(hops(2), PROXY, "198.51.100.1, not-an-ip")).isEqualTo(PROXY);
    }

    @Test
    void a_malformed_entry_stops_the_network_walk_at_the_nearer_trusted_address() {
        assertThat(resolve(PRIVATE_NETWORKS, PROXY, "203.0.113.7, garbage, 10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @ParameterizedTest
    @CsvSource({"[0:0:0:0:0:0:0:1], ::1", "0:0:0:0:0:0:0:1, ::1", "[fe80:0:0:0:0:0:0:1%eth0], fe80::1",
        "fe80::1%2, fe80::1", "2001:db8::7, 2001:db8::7"})
    void reads_an_ipv6_peer_as_jetty_writes_it(String remote, String client) {
        assertThat(resolve(NO_TRUST, remote, null)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"203.0.113.7:51234 | 203.0.113.7", "[2001:db8::7]:443 | 2001:db8::7",
        "[2001:db8::7] | 2001:db8::7"})
    void drops_the_port_some_proxies_append_to_a_forwarded_address(String entry, String client) {
        assertThat(resolve(ONE_HOP, PROXY, entry)).isEqualTo(client);
    }

    @Test
    void keys_an_ipv6_client_by_its_64() {
        assertThat(ONE_HOP.resolve(PROXY, "2001:db8:1:2:3:4:5:6").rateLimitKey()).isEqualTo("2001:db8:1:2::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "", "/tmp/erp.sock"})
    void refuses_a_peer_that_is_not_an_ip_literal(String remote) {
        assertThatThrownBy(() -> NO_TRUST.resolve(remote, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an IP literal");
    }

    @Test
    void refuses_a_missing_peer() {
        assertThatThrownBy(() -> NO_TRUST.resolve(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
