package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.config.CidrBlock;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {

    private static final List<String> BLOCKS = List.of("10.0.0.0/8", "192.168.1.0/24", "172.16.0.0/12",
            "203.0.113.7", "0.0.0.0/0", "fd00::/8", "2001:db8:1::/48", "::1", "::/0", "::ffff:0:0/96",
            "::ffff:10.0.0.0/104", "::/95", "2001:db8::/33");
    private static final List<String> ADDRESSES = List.of("10.0.0.1", "10.255.255.255", "11.0.0.1", "192.168.1.77",
            "192.168.2.1", "172.31.255.255", "172.32.0.0", "203.0.113.7", "203.0.113.8", "0.0.0.0", "fd12::1",
            "fe00::1", "2001:db8:1:ffff::1", "2001:db8:2::1", "2001:db8:7fff::1", "2001:db8:8000::1", "::1", "::2");

    @Test
    void answers_as_cidr_block_contains_for_every_block_and_address() throws Exception {
        for (String block : BLOCKS) {
            CidrBlock cidr = CidrBlock.parse(block);
            TrustedNetworks networks = TrustedNetworks.of(List.of(cidr));
            for (String text : ADDRESSES) {
                byte[] address = IpLiteral.parse(text);
                assertThat(networks.contains(address))
                        .as("%s in %s", text, block)
                        .isEqualTo(cidr.contains(InetAddress.getByAddress(address)));
            }
        }
    }

    @Test
    void trusts_an_address_in_any_of_its_networks() {
        TrustedNetworks networks = TrustedNetworks.of(List.of(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("fd00::/8")));

        assertThat(networks.contains(IpLiteral.parse("10.1.2.3"))).isTrue();
        assertThat(networks.contains(IpLiteral.parse("fd00::5"))).isTrue();
        assertThat(networks.contains(IpLiteral.parse("192.0.2.1"))).isFalse();
    }
}
