package io.erpcore.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The address a request is attributed to, with its text for logs and its key for rate limits,
 * both computed once. An IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) is its IPv4 address.
 */
public final class ClientAddress {

    private static final int IPV6_PREFIX_BYTES = 8;

    private final InetAddress address;
    private final String text;
    private final String rateLimitKey;

    private ClientAddress(byte[] folded) {
        this.address = toInetAddress(folded);
        this.text = IpLiteral.format(folded);
        // One IPv6 subscriber usually holds a whole /64: keyed per address, each could take a fresh
        // address for every request and never be limited.
        this.rateLimitKey = folded.length == 4 ? text : IpLiteral.format(network64(folded)) + "/64";
    }

    /** The client at {@code address}, IPv4-mapped IPv6 folded to IPv4. */
    public static ClientAddress of(InetAddress address) {
        return new ClientAddress(IpLiteral.folded(Objects.requireNonNull(address, "address").getAddress()));
    }

    /**
     * The client at the IP literal {@code text} ({@code 203.0.113.7}, {@code 2001:db8::1}, also in
     * brackets or with a zone id); never a DNS lookup.
     *
     * @throws IllegalArgumentException when {@code text} is not an IP literal
     */
    public static ClientAddress parse(String text) {
        byte[] address = IpLiteral.parse(text);
        if (address == null) {
            throw new IllegalArgumentException(QuotedInput.quote(text) + " is not an IP address literal");
        }
        return new ClientAddress(address);
    }

    /** Package-private: the resolver hands over bytes it parsed and folded itself. */
    static ClientAddress ofFolded(byte[] folded) {
        return new ClientAddress(folded);
    }

    /** The address: an {@code Inet4Address}, or an {@code Inet6Address} that is not IPv4-mapped. */
    public InetAddress address() {
        return address;
    }

    /** The address for logs: dotted quad, or RFC 5952 IPv6 ({@code 2001:db8::1}) without a zone id. */
    public String text() {
        return text;
    }

    /**
     * The key that rate limits count this client under: the address for IPv4, its /64 network for IPv6
     * ({@code 2001:db8:1:2::/64}), so clients in one /64 share a key.
     */
    public String rateLimitKey() {
        return rateLimitKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The same as {@link #text()}. */
    @Override
    public String toString() {
        return text;
    }

    private static byte[] network64(byte[] ipv6) {
        byte[] network = ipv6.clone();
        Arrays.fill(network, IPV6_PREFIX_BYTES, network.length, (byte) 0);
        return network;
    }

    private static InetAddress toInetAddress(byte[] address) {
        try {
            // A literal address: no host name is attached and none is looked up.
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }
}
