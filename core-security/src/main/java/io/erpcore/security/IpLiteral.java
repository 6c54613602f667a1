package io.erpcore.security;

import java.util.Arrays;

/**
 * Reads and writes IP address literals by hand, without allocation beyond the result and without
 * ever resolving a name: {@code InetAddress.getByName} on anything that is not a literal would ask
 * DNS, and a header is attacker input.
 */
final class IpLiteral {

    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int MAPPED_PREFIX_BYTES = 12;
    private static final int MAX_PORT = 65_535;

    private IpLiteral() {
    }

    /** The address in {@code text}, or null; see {@link #parse(String, int, int)}. */
    static byte[] parse(String text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /**
     * The address written in {@code text[from, to)}, or null when it is not an IP literal: 4 bytes for
     * IPv4 and for IPv4-mapped IPv6 ({@code ::ffff:1.2.3.4}), 16 for other IPv6. Surrounding blanks, a
     * zone id ({@code fe80::1%eth0}), brackets ({@code [::1]}, as Jetty writes a remote IPv6 address) and
     * a port ({@code 1.2.3.4:5678}, {@code [::1]:443}, as some proxies write forwarded addresses) are
     * accepted and dropped. IPv4 octets with leading zeros are refused, as {@code CidrBlock} refuses them:
     * some parsers read {@code 010} as octal.
     */
    static byte[] parse(String text, int from, int to) {
        int start = AsciiText.skipBlanks(text, from, to);
        int end = AsciiText.trimBlanks(text, start, to);
        if (start == end) {
            return null;
        }
        if (text.charAt(start) == '[') {
            int close = find(text, ']', start, end);
            if (close < 0 || !(close + 1 == end || isPort(text, close + 1, end))) {
                return null;
            }
            return folded(ipv6(text, start + 1, withoutZone(text, start + 1, close)));
        }
        int colon = find(text, ':', start, end);
        if (colon < 0) {
            return ipv4Address(text, start, end);
        }
        if (find(text, ':', colon + 1, end) < 0) {
            return isPort(text, colon, end) ? ipv4Address(text, start, colon) : null;
        }
        return folded(ipv6(text, start, withoutZone(text, start, end)));
    }

    /** Dotted quad, or RFC 5952 IPv6: lower case, no leading zeros, the first longest run of zero groups as {@code ::}. */
    static String format(byte[] address) {
        if (address.length == IPV4_BYTES) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0, length = 0; start + length < 8; ) {
            if (group(address, start + length) == 0) {
                length++;
                if (length > bestLength) {
                    bestStart = start;
                    bestLength = length;
                }
            } else {
                start += length + 1;
                length = 0;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                text.append(text.length() == 0 || text.charAt(text.length() - 1) == ':' ? "" : ":")
                        .append(Integer.toHexString(group(address, i)));
            }
        }
        return text.toString();
    }

    private static int group(byte[] address, int index) {
        return (address[2 * index] & 0xff) << 8 | address[2 * index + 1] & 0xff;
    }

    private static byte[] ipv4Address(String text, int from, int to) {
        byte[] address = new byte[IPV4_BYTES];
        return ipv4(text, from, to, address, 0) ? address : null;
    }

    /** An IPv4-mapped IPv6 address as the IPv4 address it maps (the same client either way); others unchanged. */
    static byte[] folded(byte[] address) {
        if (address == null || address.length != IPV6_BYTES) {
            return address;
        }
        for (int i = 0; i < MAPPED_PREFIX_BYTES; i++) {
            if (address[i] != (i < 10 ? 0 : (byte) 0xff)) {
                return address;
            }
        }
        return Arrays.copyOfRange(address, MAPPED_PREFIX_BYTES, IPV6_BYTES);
    }

    /** The end of the address part of {@code text[from, to)}, before a well-formed zone id; -1 for a malformed one. */
    private static int withoutZone(String text, int from, int to) {
        int percent = find(text, '%', from, to);
        if (percent < 0) {
            return to;
        }
        for (int i = percent + 1; i < to; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '_' || c == '-')) {
                return -1;
            }
        }
        return percent + 1 < to ? percent : -1;
    }

    /** The first index of {@code c} in {@code text[from, to)}, or -1: never a search past the entry into the rest of a long header. */
    private static int find(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPort(String text, int colon, int to) {
        if (text.charAt(colon) != ':' || to - colon < 2 || to - colon > 6) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            port = port * 10 + digit;
        }
        return port <= MAX_PORT;
    }

    /** Reads four decimal octets without leading zeros from {@code text[from, to)} into {@code out[offset..]}. */
    private static boolean ipv4(String text, int from, int to, byte[] out, int offset) {
        int i = from;
        for (int octet = 0; octet < IPV4_BYTES; octet++) {
            if (octet > 0) {
                if (i >= to || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + text.charAt(i) - '0';
                i++;
            }
            if (i == start || value > 255 || text.charAt(start) == '0' && i - start > 1) {
                return false;
            }
            out[offset + octet] = (byte) value;
        }
        return i == to;
    }

    /** Reads RFC 4291 text ({@code ::} for zero groups, an optional dotted IPv4 tail); null when malformed. */
    private static byte[] ipv6(String text, int from, int to) {
        if (to < 0 || to - from < 2) {
            return null;
        }
        byte[] out = new byte[IPV6_BYTES];
        int groups = 0;
        int gap = -1;
        int i = from;
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && hexValue(text.charAt(i)) >= 0) {
                value = value << 4 | hexValue(text.charAt(i));
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // A dotted IPv4 tail fills the last two groups and ends the address.
                if (groups > 6 || !ipv4(text, start, to, out, 2 * groups)) {
                    return null;
                }
                groups += 2;
                break;
            }
            if (i == start || groups == 8) {
                return null;
            }
            out[2 * groups] = (byte) (value >>> 8);
            out[2 * groups + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':' || i + 1 == to) {
                return null;
            }
            i++;
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = groups;
                i++;
            }
        }
        return expanded(out, groups, gap);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** Moves the groups after {@code ::} to the end, zeros in between; null when the count does not add up. */
    private static byte[] expanded(byte[] out, int groups, int gap) {
        if (gap < 0) {
            return groups == 8 ? out : null;
        }
        if (groups == 8) {
            return null;
        }
        int tail = 2 * (groups - gap);
        System.arraycopy(out, 2 * gap, out, IPV6_BYTES - tail, tail);
        Arrays.fill(out, 2 * gap, IPV6_BYTES - tail, (byte) 0);
        return out;
    }
}
