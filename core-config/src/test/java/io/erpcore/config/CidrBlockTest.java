package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @Test
    void reads_an_ipv4_block() throws UnknownHostException {
        CidrBlock block = CidrBlock.parse("10.0.0.0/8");

        assertThat(block.network()).isEqualTo(InetAddress.getByName("10.0.0.0"));
        assertThat(block.prefixLength()).isEqualTo(8);
        assertThat(block).hasToString("10.0.0.0/8");
    }

    @Test
    void reads_an_ipv6_block() throws UnknownHostException {
        CidrBlock block = CidrBlock.parse("2001:db8::/32");

        assertThat(block.network()).isInstanceOf(Inet6Address.class).isEqualTo(InetAddress.getByName("2001:db8::"));
        assertThat(block.prefixLength()).isEqualTo(32);
        assertThat(block).hasToString("2001:db8::/32");
    }

    @Test
    void reads_a_bare_ipv4_address_as_a_network_of_one() {
        assertThat(CidrBlock.parse("192.168.1.20")).hasToString("192.168.1.20/32");
    }

    @Test
    void reads_a_bare_ipv6_address_as_a_network_of_one() {
        assertThat(CidrBlock.parse("::1")).hasToString("::1/128");
    }

    @Test
    void ignores_surrounding_whitespace() {
        assertThat(CidrBlock.parse(" 10.0.0.0/8\t")).hasToString("10.0.0.0/8");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0",
        "10.0.0.0/8, 10.255.255.255",
        "10.0.0.0/8, 10.1.2.3",
        "192.168.0.0/16, 192.168.10.1",
        "172.16.0.0/12, 172.31.255.254",
        "192.168.1.20, 192.168.1.20",
        "0.0.0.0/0, 203.0.113.9",
        "2001:db8::/32, 2001:db8:ffff::1",
        "fd00::/8, fd12:3456::1",
        "::1, ::1",
        "::/0, 2001:db8::1"})
    void contains_the_addresses_inside_the_network(String block, String address) throws UnknownHostException {
        assertThat(CidrBlock.parse(block).contains(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 11.0.0.0",
        "10.0.0.0/8, 9.255.255.255",
        "172.16.0.0/12, 172.32.0.0",
        "192.168.1.20, 192.168.1.21",
        "2001:db8::/32, 2001:db9::1",
        "::1, ::2"})
    void does_not_contain_the_addresses_outside_the_network(String block, String address) throws UnknownHostException {
        assertThat(CidrBlock.parse(block).contains(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void counts_an_ipv4_mapped_ipv6_address_as_its_ipv4_address() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        InetAddress peer = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(peer).isInstanceOf(Inet6Address.class);
        assertThat(CidrBlock.parse("10.0.0.0/8").contains(peer)).isTrue();
        assertThat(CidrBlock.parse("192.168.0.0/16").contains(peer)).isFalse();
    }

    @Test
    void reads_an_ipv4_mapped_address_as_its_ipv4_address() {
        assertThat(CidrBlock.parse("::ffff:10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(CidrBlock.parse("::ffff:10.1.2.3").network()).isInstanceOf(Inet4Address.class);
    }

    @Test
    void reads_an_ipv4_mapped_network_as_the_ipv4_network_it_maps() {
        assertThat(CidrBlock.parse("::ffff:10.0.0.0/104")).hasToString("10.0.0.0/8");
        assertThat(CidrBlock.parse("::ffff:0:0/96")).hasToString("0.0.0.0/0");
    }

    @Test
    void never_matches_an_address_of_the_other_family() throws UnknownHostException {
        assertThat(CidrBlock.parse("10.0.0.0/8").contains(InetAddress.getByName("2001:db8::1"))).isFalse();
        assertThat(CidrBlock.parse("2001:db8::/32").contains(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1/8 | 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?",
        "192.168.1.1/16 | 192.168.1.1/16 has host bits set; did you mean 192.168.0.0/16?",
        "172.20.0.0/11 | 172.20.0.0/11 has host bits set; did you mean 172.0.0.0/11?",
        "2001:db8::1/32 | 2001:db8::1/32 has host bits set; did you mean 2001:db8::/32?",
        "::ffff:10.0.0.1/104 | 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?"})
    void refuses_host_bits_naming_the_network_that_was_probably_meant(String text, String message) {
        assertThatThrownBy(() -> CidrBlock.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refuses_an_ipv4_mapped_address_with_a_prefix_shorter_than_the_mapping() {
        assertThatThrownBy(() -> CidrBlock.parse("::ffff:10.0.0.0/80")).hasMessageContaining("has host bits set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/33 | must have a prefix length from 0 to 32 for an IPv4 network",
        "10.0.0.0/999 | must have a prefix length from 0 to 32 for an IPv4 network",
        "2001:db8::/129 | must have a prefix length from 0 to 128 for an IPv6 network"})
    void refuses_a_prefix_longer_than_the_address(String text, String message) {
        assertThatThrownBy(() -> CidrBlock.parse(text)).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.com", "10", "10.0.0", "10.0.0.0.0", "256.0.0.0/8",
        "10.0.0.999", "010.0.0.0/8", "1e.0.0.0", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/1234",
        "::g", ":::", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "[::1]", ".:1", "::1/", "0x0a.0.0.0", "10.0.0.0 /8"})
    void refuses_anything_but_an_ip_address_or_cidr_block(String text) {
        assertThatThrownBy(() -> CidrBlock.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be an IP address or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32");
    }

    @ParameterizedTest
    @CsvSource({
        "2001:DB8:0:0:0:0:0:0/32, 2001:db8::/32",
        "2001:0db8:0000::0001, 2001:db8::1/128",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1/128",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1/128",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3/128",
        "fe80::/10, fe80::/10",
        "::/0, ::/0",
        "0.0.0.0/0, 0.0.0.0/0"})
    void prints_the_canonical_short_form(String text, String canonical) {
        assertThat(CidrBlock.parse(text)).hasToString(canonical);
    }

    @Test
    void equal_networks_are_equal() {
        assertThat(CidrBlock.parse("2001:DB8::/32")).isEqualTo(CidrBlock.parse("2001:db8:0::/32"));
    }

    @Test
    void refuses_host_bits_when_built_from_its_components() throws UnknownHostException {
        InetAddress address = InetAddress.getByName("10.0.0.1");

        assertThatThrownBy(() -> new CidrBlock(address, 8)).hasMessageContaining("did you mean 10.0.0.0/8?");
    }
}
