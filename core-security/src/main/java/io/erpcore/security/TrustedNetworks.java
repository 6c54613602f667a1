package io.erpcore.security;

import io.erpcore.config.CidrBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The proxy networks of {@code TRUST_PROXY}, split by address family once so that a check compares
 * bytes and allocates nothing. Answers as {@link CidrBlock#contains} does, for addresses whose
 * IPv4-mapped form is already folded to IPv4.
 */
final class TrustedNetworks {

    private static final byte[] MAPPED_ANY = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
    private static final int MAPPED_BITS = 96;

    /** A network as its first address and prefix length. */
    private record Network(byte[] address, int prefixLength) {
    }

    private final Network[] ipv4;
    private final Network[] ipv6;

    private TrustedNetworks(List<Network> ipv4, List<Network> ipv6) {
        this.ipv4 = ipv4.toArray(Network[]::new);
        this.ipv6 = ipv6.toArray(Network[]::new);
    }

    static TrustedNetworks of(List<CidrBlock> blocks) {
        List<Network> ipv4 = new ArrayList<>();
        List<Network> ipv6 = new ArrayList<>();
        for (CidrBlock block : blocks) {
            byte[] network = block.network().getAddress();
            int prefix = block.prefixLength();
            if (network.length == 4) {
                ipv4.add(new Network(network, prefix));
                continue;
            }
            ipv6.add(new Network(network, prefix));
            // CidrBlock compares an IPv4 address with an IPv6 network in its mapped form (::ffff:a.b.c.d),
            // so a network covering mapped space (::/0, ::ffff:0:0/96) covers IPv4 addresses as well.
            if (matches(MAPPED_ANY, network, Math.min(prefix, MAPPED_BITS))) {
                ipv4.add(new Network(Arrays.copyOfRange(network, 12, 16), Math.max(0, prefix - MAPPED_BITS)));
            }
        }
        return new TrustedNetworks(ipv4, ipv6);
    }

    /** Whether {@code address} (4 or 16 bytes, IPv4-mapped already folded) lies in a trusted network. */
    boolean contains(byte[] address) {
        for (Network network : address.length == 4 ? ipv4 : ipv6) {
            if (matches(address, network.address(), network.prefixLength())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] address, byte[] network, int prefixLength) {
        int whole = prefixLength / 8;
        if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }
}
