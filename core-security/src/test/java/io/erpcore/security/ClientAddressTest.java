package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    @Test
    void an_ipv4_address_is_its_own_key() {
        ClientAddress client = ClientAddress.parse("203.0.113.7");

        assertThat(client.text()).isEqualTo("203.0.113.7");
        assertThat(client.rateLimitKey()).isEqualTo("203.0.113.7");
        assertThat(client.address()).isInstanceOf(Inet4Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:203.0.113.7", "::FFFF:cb00:7107", "[::ffff:203.0.113.7]", "0:0:0:0:0:ffff:cb00:7107"})
    void an_ipv4_mapped_address_is_its_ipv4_address(String mapped) {
        ClientAddress client = ClientAddress.parse(mapped);

        assertThat(client).isEqualTo(ClientAddress.parse("203.0.113.7"));
        assertThat(client.rateLimitKey()).isEqualTo("203.0.113.7");
        assertThat(client.address()).isInstanceOf(Inet4Address.class);
    }

    @Test
    void an_ipv4_mapped_inet6_address_is_folded_too() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 203, 0, 113, 7};

        assertThat(ClientAddress.of(Inet6Address.getByAddress(null, mapped, -1)).text()).isEqualTo("203.0.113.7");
    }

    @Test
    void two_ipv6_addresses_in_one_64_share_a_key() {
        ClientAddress one = ClientAddress.parse("2001:db8:1:2::1");
        ClientAddress other = ClientAddress.parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

        assertThat(one.rateLimitKey()).isEqualTo("2001:db8:1:2::/64").isEqualTo(other.rateLimitKey());
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void ipv6_addresses_in_different_64s_have_different_keys() {
        assertThat(ClientAddress.parse("2001:db8:1:2::1").rateLimitKey())
                .isNotEqualTo(ClientAddress.parse("2001:db8:1:3::1").rateLimitKey());
    }

    @ParameterizedTest
    @CsvSource({
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1, 2001:db8::/64",
        "[0:0:0:0:0:0:0:1], ::1, ::/64",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::1, fe80::/64",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1, 2001:db8:0:1::/64"})
    void ipv6_is_written_in_rfc_5952_form_without_a_zone_id(String literal, String text, String key) {
        ClientAddress client = ClientAddress.parse(literal);

        assertThat(client.text()).isEqualTo(text);
        assertThat(client).hasToString(text);
        assertThat(client.rateLimitKey()).isEqualTo(key);
        assertThat(client.address()).isInstanceOf(Inet6Address.class);
    }

    @Test
    void of_and_parse_agree() throws Exception {
        assertThat(ClientAddress.of(InetAddress.getByAddress(new byte[] {10, 0, 0, 1})))
                .isEqualTo(ClientAddress.parse("10.0.0.1"))
                .hasSameHashCodeAs(ClientAddress.parse("10.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "", "1.2.3", "256.1.1.1"})
    void refuses_what_is_not_an_ip_literal_without_looking_it_up(String text) {
        assertThatThrownBy(() -> ClientAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(QuotedInput.quote(text) + " is not an IP address literal");
    }
}
