package io.erpcore.security;

import io.erpcore.config.TrustProxy;
import java.util.Objects;

/**
 * Decides which address a request comes from, believing {@code X-Forwarded-For} only as far as
 * {@code TRUST_PROXY} allows. A pure function of its two inputs, built once; it never resolves a name.
 *
 * <p>The addresses form a chain: the {@code X-Forwarded-For} entries from left to right, then the
 * socket peer. The walk starts at the peer and moves left while the current address is trusted:
 * <ul>
 *   <li>{@code none}: the peer is the client; the header is ignored.
 *   <li>a hop count {@code n}: the first {@code n} addresses from the right (the peer is the first)
 *       are proxies, so the client is the entry {@code n} places left of the peer, or the leftmost entry
 *       when the chain is shorter (as Express counts hops).
 *   <li>networks: an address inside a trusted network is a proxy; the first address outside all of
 *       them is the client, or the leftmost entry when every one is trusted.
 * </ul>
 * An entry that is not an IP literal ends the walk at the address before it, the nearer one, so
 * garbage is never taken for a client.
 */
public final class ClientAddresses {

    private final int hops;
    private final TrustedNetworks networks;

    private ClientAddresses(int hops, TrustedNetworks networks) {
        this.hops = hops;
        this.networks = networks;
    }

    /** The resolver for {@code trust}, the parsed {@code TRUST_PROXY} setting. */
    public static ClientAddresses from(TrustProxy trust) {
        Objects.requireNonNull(trust, "trust");
        if (trust instanceof TrustProxy.Hops counted) {
            return new ClientAddresses(counted.count(), null);
        }
        if (trust instanceof TrustProxy.Networks listed) {
            return new ClientAddresses(0, TrustedNetworks.of(listed.blocks()));
        }
        // None, and any kind of trust added later until it is handled here: believing no header is the safe reading.
        return new ClientAddresses(0, null);
    }

    /**
     * The client of a request.
     *
     * @param remoteAddress the socket peer as an IP literal, as Jetty gives it ({@code 203.0.113.7},
     *     {@code [0:0:0:0:0:0:0:1]}, {@code [fe80:0:0:0:0:0:0:1%eth0]})
     * @param xForwardedFor every {@code X-Forwarded-For} header of the request, joined by commas in the
     *     order received, or null when there is none; reading only the first header would let one the
     *     client wrote itself stand in for the one its proxy added
     * @throws IllegalArgumentException when {@code remoteAddress} is not an IP literal
     */
    public ClientAddress resolve(String remoteAddress, String xForwardedFor) {
        byte[] client = IpLiteral.parse(remoteAddress);
        if (client == null) {
            throw new IllegalArgumentException("the remote address " + QuotedInput.quote(remoteAddress)
                    + " is not an IP literal; pass the socket peer's address");
        }
        if (xForwardedFor != null) {
            int end = xForwardedFor.length();
            for (int position = 0; end >= 0 && trusts(client, position); position++) {
                int comma = xForwardedFor.lastIndexOf(',', end - 1);
                byte[] next = IpLiteral.parse(xForwardedFor, comma + 1, end);
                if (next == null) {
                    break;
                }
                client = next;
                end = comma;
            }
        }
        return ClientAddress.ofFolded(client);
    }

    /** Whether the address at {@code position} (the peer is 0) is a proxy whose header is believed. */
    private boolean trusts(byte[] address, int position) {
        return networks == null ? position < hops : networks.contains(address);
    }
}
