package io.erpcore.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network written in CIDR notation, {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a
 * network of one ({@code /32} or {@code /128}).
 *
 * @param network the first address of the network; its host bits are all zero
 * @param prefixLength how many leading bits name the network, up to 32 for IPv4 and 128 for IPv6
 */
public record CidrBlock(InetAddress network, int prefixLength) {

    static final String NOT_A_BLOCK = "must be an IP address or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32";
    // No leading zeros: some parsers read 010 as octal, so 010.0.0.1 would mean different hosts to different tools.
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final int MAPPED_BITS = 96;

    /**
     * Refuses a prefix longer than the address and a network with host bits set: {@code 10.0.0.1/8} is
     * refused rather than read as {@code 10.0.0.0/8}, since it more likely means a mistyped address.
     */
    public CidrBlock {
        int bits = Objects.requireNonNull(network, "network").getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("must have a prefix length from 0 to " + bits
                    + " for an IPv" + (bits == 32 ? 4 : 6) + " network");
        }
        byte[] masked = mask(network.getAddress(), prefixLength);
        if (!Arrays.equals(masked, network.getAddress())) {
            throw new IllegalArgumentException(format(network.getAddress()) + "/" + prefixLength
                    + " has host bits set; did you mean " + format(masked) + "/" + prefixLength + "?");
        }
    }

    /**
     * Reads {@code address[/prefix]} without any DNS lookup: the text must be an IP literal. An IPv4-mapped
     * IPv6 network ({@code ::ffff:10.0.0.0/104}) becomes the IPv4 network it maps ({@code 10.0.0.0/8}).
     */
    public static CidrBlock parse(String text) {
        String block = text.strip();
        int slash = block.indexOf('/');
        byte[] address = literal(slash < 0 ? block : block.substring(0, slash));
        int prefix = slash < 0 ? address.length * 8 : prefixLength(block.substring(slash + 1));
        if (isMapped(address) && prefix >= MAPPED_BITS) {
            address = Arrays.copyOfRange(address, MAPPED_PREFIX.length, address.length);
            prefix -= MAPPED_BITS;
        }
        return new CidrBlock(toInetAddress(address), prefix);
    }

    private static byte[] literal(String text) {
        if (IPV4.matcher(text).matches()) {
            byte[] address = new byte[4];
            String[] octets = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    throw new IllegalArgumentException(NOT_A_BLOCK);
                }
                address[i] = (byte) octet;
            }
            return address;
        }
        return ipv6Literal(text);
    }

    private static byte[] ipv6Literal(String text) {
        if (!IPV6.matcher(text).matches()) {
            throw new IllegalArgumentException(NOT_A_BLOCK);
        }
        try {
            // In brackets the JDK parses an IPv6 literal or fails; it never falls back to a DNS lookup.
            byte[] address = InetAddress.getByName("[" + text + "]").getAddress();
            return address.length == 4 ? mapped(address) : address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(NOT_A_BLOCK, e);
        }
    }

    private static int prefixLength(String digits) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(NOT_A_BLOCK);
        }
        return Integer.parseInt(digits);
    }

    /** Whether {@code address} is in this network; an IPv4-mapped IPv6 address counts as its IPv4 address. */
    public boolean contains(InetAddress address) {
        return sameFamily(address.getAddress(), network.getAddress().length)
                .map(candidate -> Arrays.equals(mask(candidate, prefixLength), network.getAddress()))
                .orElse(false);
    }

    /** The network in canonical form: {@code 10.0.0.0/8}, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return format(network.getAddress()) + "/" + prefixLength;
    }

    private static Optional<byte[]> sameFamily(byte[] address, int length) {
        if (address.length == length) {
            return Optional.of(address);
        }
        if (length == 4 && isMapped(address)) {
            return Optional.of(Arrays.copyOfRange(address, MAPPED_PREFIX.length, address.length));
        }
        return length == 16 ? Optional.of(mapped(address)) : Optional.empty();
    }

    private static boolean isMapped(byte[] address) {
        return address.length == 16
                && Arrays.equals(address, 0, MAPPED_PREFIX.length, MAPPED_PREFIX, 0, MAPPED_PREFIX.length);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] address = Arrays.copyOf(MAPPED_PREFIX, 16);
        System.arraycopy(ipv4, 0, address, MAPPED_PREFIX.length, 4);
        return address;
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    private static InetAddress toInetAddress(byte[] address) {
        try {
            // Inet6Address keeps a mapped address IPv6; InetAddress.getByAddress would turn it into IPv4.
            return address.length == 16 ? Inet6Address.getByAddress(null, address, -1) : InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }

    /** Dotted quad, or RFC 5952 IPv6: lower-case, no leading zeros, the longest run of zero groups as {@code ::}. */
    private static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int[] run = longestZeroRun(groups);
        if (run[1] < 2) {
            return hexGroups(groups, 0, 8);
        }
        return hexGroups(groups, 0, run[0]) + "::" + hexGroups(groups, run[0] + run[1], 8);
    }

    /** The start and length of the first longest run of zero groups. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = 0;
        int bestLength = 0;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        return new int[] {bestStart, bestLength};
    }

    private static String hexGroups(int[] groups, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i == from ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
