package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustProxyTest {

    private static final String ACCEPTED = "must be none, a hop count from 1 to 10, or a comma list of CIDR blocks such as 10.0.0.0/8";

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "None", "  none\t"})
    void reads_none_in_any_case(String text) {
        assertThat(TrustProxy.parse(text)).isEqualTo(new TrustProxy.None());
    }

    @Test
    void reads_a_hop_count_of_zero_as_none() {
        assertThat(TrustProxy.parse("0")).isEqualTo(TrustProxy.none());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10})
    void reads_a_hop_count_from_1_to_10(int hops) {
        assertThat(TrustProxy.parse(Integer.toString(hops))).isEqualTo(new TrustProxy.Hops(hops));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "99", "100", "2147483648"})
    void refuses_more_than_ten_hops(String text) {
        assertThatThrownBy(() -> TrustProxy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ACCEPTED);
    }

    @Test
    void refuses_a_hop_count_outside_1_to_10_when_built_directly() {
        assertThatThrownBy(() -> new TrustProxy.Hops(0)).hasMessage(ACCEPTED);
    }

    @Test
    void reads_a_comma_list_of_blocks_with_whitespace_around_the_commas() {
        TrustProxy trust = TrustProxy.parse("10.0.0.0/8 , 192.168.0.0/16,\t2001:db8::/32");

        assertThat(trust).isEqualTo(new TrustProxy.Networks(List.of(
                CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("192.168.0.0/16"), CidrBlock.parse("2001:db8::/32"))));
    }

    @Test
    void reads_bare_addresses_as_networks_of_one() {
        TrustProxy trust = TrustProxy.parse("10.0.0.7,::1");

        assertThat(trust).isEqualTo(new TrustProxy.Networks(List.of(CidrBlock.parse("10.0.0.7/32"), CidrBlock.parse("::1/128"))));
    }

    @Test
    void reads_a_single_network() {
        assertThat(TrustProxy.parse("172.16.0.0/12")).isInstanceOf(TrustProxy.Networks.class);
    }

    @Test
    void ignores_empty_entries_in_the_list() {
        assertThat(TrustProxy.parse("10.0.0.0/8,,192.168.0.0/16,")).hasToString("10.0.0.0/8,192.168.0.0/16");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "none | none",
        "NONE | none",
        "0 | none",
        "2 | 2",
        "02 | 2",
        "10 | 10",
        "10.0.0.0/8 , 192.168.0.0/16 | 10.0.0.0/8,192.168.0.0/16",
        "10.0.0.7 | 10.0.0.7/32",
        "2001:DB8::/32,::1 | 2001:db8::/32,::1/128"})
    void prints_the_canonical_text(String text, String canonical) {
        TrustProxy trust = TrustProxy.parse(text);

        assertThat(trust).hasToString(canonical);
        assertThat(TrustProxy.parse(trust.toString())).isEqualTo(trust);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ",", "yes", "true", "all", "-1", "1.5", "+1", "one", "10.0.0.0/8,proxy.internal",
        "10.0.0.0/8;192.168.0.0/16", "1,2", "none,10.0.0.0/8"})
    void refuses_anything_else_naming_the_accepted_forms(String text) {
        assertThatThrownBy(() -> TrustProxy.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ACCEPTED);
    }

    @Test
    void passes_on_the_host_bits_message_of_a_block() {
        assertThatThrownBy(() -> TrustProxy.parse("192.168.0.0/16,10.0.0.1/8"))
                .hasMessage("10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?");
    }

    @Test
    void passes_on_the_prefix_length_message_of_a_block() {
        assertThatThrownBy(() -> TrustProxy.parse("10.0.0.0/40"))
                .hasMessage("must have a prefix length from 0 to 32 for an IPv4 network");
    }

    @Test
    void defaults_to_trusting_no_proxy() {
        assertThat(TrustProxy.none()).isInstanceOf(TrustProxy.None.class).hasToString("none");
    }

    @Test
    void keeps_its_networks_when_the_list_it_was_built_from_changes() {
        List<CidrBlock> blocks = new ArrayList<>(List.of(CidrBlock.parse("10.0.0.0/8")));
        TrustProxy.Networks trust = new TrustProxy.Networks(blocks);

        blocks.clear();

        assertThat(trust.blocks()).hasSize(1);
    }

    @Test
    void refuses_an_empty_list_of_networks_when_built_directly() {
        assertThatThrownBy(() -> new TrustProxy.Networks(List.of())).hasMessage(ACCEPTED);
    }
}
