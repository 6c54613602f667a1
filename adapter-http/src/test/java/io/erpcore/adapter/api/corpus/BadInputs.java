package io.erpcore.adapter.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** The hostile values of the bad-input corpus, by kind; each list is what a careless or malicious client sends. */
final class BadInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Bodies that are not JSON, or not one JSON value. */
    static final List<String> MALFORMED_JSON = List.of(
            "{", "}", "{\"a\":", "{\"a\":1,}", "{\"a\" 1}", "[1,", "nul", "tru", "{'a':'b'}", "{a:1}",
            "{\"a\":1} {\"b\":2}", "{\"a\":1}}", "{\"a\":\"unterminated}", "{\"a\":\"\\x41\"}", "{\"a\":01}",
            "{\"a\":NaN}", "{\"a\":.5}", "\u0000", "{\"a\":1,\"a\":2}", "/* comment */ {}", "", "   ");

    /** Values of the wrong type for a string field. */
    static final List<JsonNode> NOT_A_STRING = List.of(NODES.numberNode(5), NODES.numberNode(1.5), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.arrayNode().add("text"), NODES.objectNode(), NODES.objectNode().put("value", "text"),
            NODES.numberNode(new BigInteger("99999999999999999999999999")));

    /** Values of the wrong type for a field that holds a list of strings. */
    static final List<JsonNode> NOT_A_STRING_LIST = List.of(NODES.textNode("member"), NODES.numberNode(5),
            NODES.booleanNode(false), NODES.objectNode(), NODES.objectNode().put("0", "member"), NODES.arrayNode().add(1),
            NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(NODES.arrayNode()),
            NODES.arrayNode().add(NODES.objectNode()));

    /** Values of the wrong type for a boolean field. */
    static final List<JsonNode> NOT_A_BOOLEAN = List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.numberNode(0),
            NODES.arrayNode(), NODES.objectNode());

    /** Values of the wrong type, or out of range, for a whole-number field. */
    static final List<JsonNode> NOT_AN_INT = List.of(NODES.textNode("5"), NODES.numberNode(1.5), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(1e300), NODES.numberNode(99_999_999_999L),
            NODES.numberNode(new BigInteger("-99999999999999999999999999")));

    /** Values of the wrong type for a field that holds an object. */
    static final List<JsonNode> NOT_AN_OBJECT = List.of(NODES.textNode("admin"), NODES.numberNode(5), NODES.booleanNode(true),
            NODES.arrayNode());

    /** Astral, right-to-left, combining, invisible and control characters, NUL and unpaired surrogates. */
    static final List<String> UNICODE = List.of(
            "\uD83D\uDE00\uD835\uDD4F\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\u202Eevil\u202C.exe",
            "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD",
            "e" + "\u0301".repeat(60),
            "Z\u0351\u0364\u0350\u0336\u0321a\u0352\u0363\u0334l\u033Fg\u0358o",
            "\uFEFFbom", "zero\u200Bwidth\u2060joiner", "\uFFFF\uFFFE", "Ω≈ç√∫˜µ≤≥÷",
            "nul\u0000inside", "\u0000", "bell\u0007tab\tescape\u001B[31m", "del\u007F\u0080\u009F",
            "line\r\nbreak", "\u2028\u2029",
            "lone\uD800high", "\uDC00lone low", "\uDBFF", "reversed\uDC00\uD800pair");

    /** SQL injection, template and lookup injection. */
    static final List<String> INJECTION = List.of(
            "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE users; --", "\" OR \"\"=\"",
            "1; SELECT pg_sleep(0) --", "' UNION SELECT id, email, password_hash FROM users --",
            "admin'--", "%' OR tenant_id IS NOT NULL --", "'); SET row_security = off; --",
            "$$; RESET ROLE; $$", "\\'; SELECT current_setting('app.tenant_id'); --",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>");

    /** Path traversal, as text and as a client that encodes it would send it. */
    static final List<String> TRAVERSAL = List.of(
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/passwd", "....//....//etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..;/..;/", "file:///etc/passwd", ".", "..");

    /** Path ids that are not UUIDs, or UUIDs no row has. */
    static final List<String> BAD_IDS = List.of(
            "not-a-uuid", "0", "-1", "null", "undefined", "{id}", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "123e4567-e89b-12d3-a456-42661417400g",
            "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-4266141740000",
            "{123e4567-e89b-12d3-a456-426614174000}", "123E4567-E89B-12D3-A456-426614174000x",
            "1-2-3-4-5", "a".repeat(300), "%20", "true");

    /** {@code X-Tenant-ID} values that are not UUIDs. */
    static final List<String> BAD_TENANT_HEADERS = List.of(
            "not-a-tenant", "0", "", " ", "00000000-0000-0000-0000-00000000000", "123e4567-e89b-12d3-a456-42661417400g",
            "' OR '1'='1", "../../etc/passwd", "*", "null", "a".repeat(2000));

    /** Values of {@code ?limit=} outside 1..100 or not whole numbers, percent-encoded. */
    static final List<String> BAD_LIMITS = List.of(
            "0", "-1", "101", "1000000", "abc", "1.5", "1e2", "99999999999999999999", "0x10", "%00", "%205",
            "5%20", "", "NaN", "-0.0", "%27%20OR%201%3D1");

    private BadInputs() {
    }

    /** Cursors that no list handed out, percent-encoded: garbage, wrong lengths, out-of-range positions. */
    static List<String> badCursors() {
        return List.of("abc", "A".repeat(31), "A".repeat(33), "!".repeat(32), "%00".repeat(32), "=".repeat(12),
                "a".repeat(6_000), BASE64URL.encodeToString(new byte[23]), BASE64URL.encodeToString(new byte[25]),
                listCursor(Long.MAX_VALUE), listCursor(Long.MIN_VALUE), auditCursor((byte) 2, 5), auditCursor((byte) 1, 0),
                auditCursor((byte) 1, -7), "%27%20OR%201%3D1%20--");
    }

    /** A users, keys or tenants cursor at {@code micros} after the epoch. */
    static String listCursor(long micros) {
        return BASE64URL.encodeToString(ByteBuffer.allocate(24).putLong(micros).putLong(1).putLong(2).array());
    }

    /** An audit cursor of {@code version} at {@code seq}. */
    static String auditCursor(byte version, long seq) {
        return BASE64URL.encodeToString(ByteBuffer.allocate(9).put(version).putLong(seq).array());
    }

    /** SQL injection and path traversal together: what goes into every string field, path and query. */
    static List<String> injectionAndTraversal() {
        return Stream.concat(INJECTION.stream(), TRAVERSAL.stream()).toList();
    }
}
