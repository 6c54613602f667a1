package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.CidrBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0 | 0.0.0.0",
        "255.255.255.255 | 255.255.255.255",
        "192.0.2.1 | 192.0.2.1",
        ":: | ::",
        "::1 | ::1",
        "1:: | 1::",
        "1:2:3:4:5:6:7:8 | 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:: | 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8 | 0:2:3:4:5:6:7:8",
        "2001:0DB8:0000:0000:0000:0000:0000:0001 | 2001:db8::1",
        "2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1 | 2001:0:0:1::1",
        "::ffff:192.0.2.1 | 192.0.2.1",
        "::ffff:c000:201 | 192.0.2.1",
        "::192.0.2.1 | ::c000:201",
        "64:ff9b::192.0.2.1 | 64:ff9b::c000:201",
        "1:2:3:4:5:6:192.0.2.1 | 1:2:3:4:5:6:c000:201",
        "[::1] | ::1",
        "[fe80::1%eth0] | fe80::1",
        "fe80::1%25 | fe80::1",
        "192.0.2.1:8080 | 192.0.2.1",
        "[2001:db8::1]:443 | 2001:db8::1",
        "'  192.0.2.1\t' | 192.0.2.1"})
    void reads_a_literal_and_writes_it_canonically(String literal, String canonical) {
        assertThat(IpLiteral.format(IpLiteral.parse(literal))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4",
        "1.2.3.04", "1..2.3", "1.2.3.4.", "-1.2.3.4", "1.2.3.4%eth0", "1.2.3.4:", "1.2.3.4:65536", "1.2.3.4:http",
        "[1.2.3.4]", "[::1", "::1]", "[::1]x", "[]", ":", ":::", ":1", "1:", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7::8", "12345::", "::g", "::1%", "::1%eth 0", "1:2:3:4:5:6:7:192.0.2.1", "::1.2.3",
        "::ffff:1.2.3.256", "::01.2.3.4", "１.2.3.4", "::１"})
    void refuses_what_is_not_an_ip_literal(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }

    @Test
    void refuses_null() {
        assertThat(IpLiteral.parse(null)).isNull();
    }

    @Test
    void reads_only_the_given_range() {
        assertThat(IpLiteral.format(IpLiteral.parse("1.1.1.1, 192.0.2.1 ,2.2.2.2", 8, 19))).isEqualTo("192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "2001:db8::1", "::", "::ffff:10.0.0.1", "fe80::1:2", "1:2:3:4:5:6:7:8",
        "::ffff:1.2.3.4", "64:ff9b::1.2.3.4", "2001:DB8::A"})
    void reads_the_same_address_as_cidr_block(String literal) {
        assertThat(IpLiteral.parse(literal)).isEqualTo(CidrBlock.parse(literal).network().getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::", "1::", "::fffe:0:1", "1:0:0:2:0:0:0:3", "0:1:0:1:0:1:0:1"})
    void writes_ipv6_as_cidr_block_does(String literal) {
        assertThat(IpLiteral.format(IpLiteral.parse(literal)) + "/128").isEqualTo(CidrBlock.parse(literal).toString());
    }
}
