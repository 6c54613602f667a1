package io.erpcore.config.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

/** The URI syntax of the connection URLs: splitting, strict percent-decoding and encoding. */
public final class UriText {

    private static final String UNENCODED = "must percent-encode reserved characters in the user and password: "
            + "write @ as %40, / as %2F, : as %3A, ? as %3F and % as %25";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriText() {
    }

    /** An ASCII letter or digit; host names and unreserved URI characters are built from these. */
    public static boolean isAsciiLetterOrDigit(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * The pieces of {@code [userinfo@]authority[/path][?query]}.
     *
     * @param path empty, or starting with {@code /}
     */
    public record Parts(Optional<String> userinfo, String authority, String path, Optional<String> query) {
    }

    /** What precedes the {@code @}: a user, then optionally {@code :} and a password, both decoded. */
    public record Userinfo(Optional<String> user, Optional<String> password) {

        public static Userinfo parse(Optional<String> userinfo) {
            String text = userinfo.orElse("");
            int colon = text.indexOf(':');
            String user = decode(colon < 0 ? text : text.substring(0, colon), "user");
            String password = colon < 0 ? "" : decode(text.substring(colon + 1), "password");
            return new Userinfo(Optional.of(user).filter(u -> !u.isEmpty()),
                    Optional.of(password).filter(p -> !p.isEmpty()));
        }
    }

    /**
     * Splits the text after {@code scheme://}. An unencoded {@code @}, {@code /} or {@code ?} in a password
     * shows as a second {@code @}, or an {@code @} in the path or a query parameter name, where no URL has one.
     */
    public static Parts split(String rest) {
        int end = indexOfAny(rest, "/?");
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        int question = tail.indexOf('?');
        String path = question < 0 ? tail : tail.substring(0, question);
        Optional<String> query = question < 0 ? Optional.empty() : Optional.of(tail.substring(question + 1));
        int at = authority.indexOf('@');
        if (at != authority.lastIndexOf('@') || path.contains("@") || query.filter(UriText::hasAtInAName).isPresent()) {
            throw new IllegalArgumentException(UNENCODED);
        }
        Optional<String> userinfo = at < 0 ? Optional.empty() : Optional.of(authority.substring(0, at));
        return new Parts(userinfo, authority.substring(at + 1), path, query);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean hasAtInAName(String query) {
        return Stream.of(query.split("&")).anyMatch(pair -> pair.split("=", 2)[0].contains("@"));
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 and nothing else: {@code +} stays a plus, as libpq reads it.
     * {@code part} names what is decoded in the message, which never quotes the text.
     */
    public static String decode(String text, String part) {
        StringBuilder decoded = new StringBuilder(text.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                escaped.write(hex(text, i + 1, part) << 4 | hex(text, i + 2, part));
                i += 2;
            } else {
                appendUtf8(escaped, decoded, part);
                decoded.append(text.charAt(i));
            }
        }
        appendUtf8(escaped, decoded, part);
        return decoded.toString();
    }

    private static int hex(String text, int at, String part) {
        char c = at < text.length() ? text.charAt(at) : ' ';
        int value = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (value < 0) {
            throw new IllegalArgumentException("must write each % in the " + part
                    + " as %25; other escapes are % and two hex digits, as in %40 for @");
        }
        return value;
    }

    private static void appendUtf8(ByteArrayOutputStream escaped, StringBuilder decoded, String part) {
        if (escaped.size() == 0) {
            return;
        }
        try {
            decoded.append(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(escaped.toByteArray())));
        } catch (CharacterCodingException e) {
            // The cause is dropped on purpose: nothing about the bytes of a password may reach a log.
            throw new IllegalArgumentException("must percent-encode the " + part + " as UTF-8");
        }
        escaped.reset();
    }

    /** Encodes everything but RFC 3986's unreserved characters, so any decoder reads the text back. */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAsciiLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
