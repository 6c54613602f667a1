package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.ConfigLoader;
import io.erpcore.config.MapConfigSource;
import io.erpcore.config.Secret;
import io.erpcore.config.WebhookConfig;
import io.erpcore.security.WebhookVerification.Reason;
import io.erpcore.security.WebhookVerification.Refused;
import io.erpcore.security.WebhookVerification.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSignaturesTest {

    private static final Secret CURRENT = Secret.of("whsec-known-answer-0123456789abcdef0123");
    private static final Secret PREVIOUS = Secret.of("whsec-previous-9876543210fedcba9876543");
    private static final Secret OTHER = Secret.of("whsec-someone-else-aaaabbbbccccddddeeee");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
    /** HMAC-SHA256 of {@code 1700000000.<BODY>} under CURRENT, computed with {@code openssl dgst -sha256 -hmac}. */
    private static final String CURRENT_HMAC = "e0fde218911ee14d119a9d76039d22281ee83a0b3ababa9d43f36804b87f7ec9";
    /** The same under PREVIOUS. */
    private static final String PREVIOUS_HMAC = "681332125b6d0c62c5e2fa9c39284690b11edfe695ca412be54c9a8eb620b506";

    private static WebhookSignatures signatures(Instant now, Secret current, Secret... previous) {
        return WebhookSignatures.of(current, List.of(previous), TOLERANCE, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static WebhookSignatures at(Instant now) {
        return signatures(now, CURRENT);
    }

    private static Reason refusal(WebhookVerification verification) {
        assertThat(verification).isInstanceOf(Refused.class);
        return ((Refused) verification).reason();
    }

    @Test
    void a_signature_made_by_sign_verifies() {
        WebhookSignatures signatures = at(NOW);

        assertThat(signatures.verify(signatures.sign(BODY), BODY)).isEqualTo(new Verified(NOW));
    }

    @Test
    void the_header_is_the_timestamp_and_the_hmac_of_timestamp_dot_body_computed_independently() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CURRENT.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                ("1700000000." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(at(NOW).sign(BODY)).isEqualTo("t=1700000000,v1=" + expected);
    }

    @Test
    void the_header_matches_a_known_answer_from_openssl() {
        assertThat(at(NOW).sign(BODY)).isEqualTo("t=1700000000,v1=" + CURRENT_HMAC);
    }

    @Test
    void a_sender_in_rotation_signs_with_the_current_secret_first_then_each_previous_one() {
        assertThat(signatures(NOW, CURRENT, PREVIOUS).sign(BODY))
                .isEqualTo("t=1700000000,v1=" + CURRENT_HMAC + ",v1=" + PREVIOUS_HMAC);
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        String forged = signatures(NOW, OTHER).sign(BODY);

        assertThat(refusal(at(NOW).verify(forged, BODY))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void a_body_with_one_byte_changed_is_refused() {
        byte[] tampered = BODY.clone();
        tampered[7] ^= 1;

        assertThat(refusal(at(NOW).verify(at(NOW).sign(BODY), tampered))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void a_timestamp_older_than_the_tolerance_is_refused() {
        String header = at(NOW).sign(BODY);

        assertThat(refusal(at(NOW.plus(TOLERANCE).plusSeconds(1)).verify(header, BODY))).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    }

    @Test
    void a_timestamp_further_ahead_than_the_tolerance_is_refused() {
        String header = at(NOW).sign(BODY);

        assertThat(refusal(at(NOW.minus(TOLERANCE).minusSeconds(1)).verify(header, BODY)))
                .isEqualTo(Reason.TIMESTAMP_IN_FUTURE);
    }

    @Test
    void a_timestamp_exactly_the_tolerance_old_or_ahead_still_verifies() {
        String header = at(NOW).sign(BODY);

        assertThat(at(NOW.plus(TOLERANCE)).verify(header, BODY).verified()).isTrue();
        assertThat(at(NOW.minus(TOLERANCE)).verify(header, BODY).verified()).isTrue();
    }

    @Test
    void a_timestamp_a_fraction_of_a_second_past_the_tolerance_is_refused() {
        String header = at(NOW).sign(BODY);

        assertThat(refusal(at(NOW.plus(TOLERANCE).plusMillis(1)).verify(header, BODY))).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    }

    @Test
    void a_sender_in_rotation_is_verified_by_a_receiver_that_knows_only_the_new_secret() {
        String header = signatures(NOW, CURRENT, PREVIOUS).sign(BODY);

        assertThat(signatures(NOW, CURRENT).verify(header, BODY).verified()).isTrue();
    }

    @Test
    void a_sender_in_rotation_is_verified_by_a_receiver_that_knows_only_the_old_secret() {
        String header = signatures(NOW, CURRENT, PREVIOUS).sign(BODY);

        assertThat(signatures(NOW, PREVIOUS).verify(header, BODY).verified()).isTrue();
    }

    @Test
    void a_receiver_in_rotation_accepts_a_signature_by_the_previous_secret() {
        String header = signatures(NOW, PREVIOUS).sign(BODY);

        assertThat(signatures(NOW, CURRENT, PREVIOUS).verify(header, BODY).verified()).isTrue();
    }

    @Test
    void a_receiver_in_rotation_still_refuses_a_secret_it_never_knew() {
        String header = signatures(NOW, OTHER).sign(BODY);

        assertThat(refusal(signatures(NOW, CURRENT, PREVIOUS).verify(header, BODY))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void blanks_around_items_are_tolerated() {
        assertThat(at(NOW).verify(" t=1700000000 ,\tv1=" + CURRENT_HMAC + " ", BODY).verified()).isTrue();
    }

    @Test
    void items_of_unknown_schemes_are_skipped() {
        assertThat(at(NOW).verify("t=1700000000,v0=whatever,v1=" + CURRENT_HMAC + ",v2=" + "f".repeat(128), BODY).verified())
                .isTrue();
    }

    @Test
    void any_of_several_v1_values_may_match() {
        String header = "t=1700000000,v1=" + "0".repeat(64) + ",v1=" + CURRENT_HMAC;

        assertThat(at(NOW).verify(header, BODY).verified()).isTrue();
    }

    static Stream<Arguments> defectiveHeaders() {
        String v1 = ",v1=" + CURRENT_HMAC;
        return Stream.of(
                Arguments.of("absent", null, Reason.MISSING_HEADER),
                Arguments.of("empty", "", Reason.MISSING_HEADER),
                Arguments.of("blank", "  \t", Reason.MISSING_HEADER),
                Arguments.of("no t", "v1=" + CURRENT_HMAC, Reason.MALFORMED_HEADER),
                Arguments.of("non-numeric t", "t=yesterday" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("negative t", "t=-1700000000" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("empty t", "t=" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("t twice", "t=1700000000,t=1700000001" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("t of 13 digits", "t=1700000000000" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("item without =", "t=1700000000,v1" + CURRENT_HMAC, Reason.MALFORMED_HEADER),
                Arguments.of("empty item", "t=1700000000,," + v1.substring(1), Reason.MALFORMED_HEADER),
                Arguments.of("trailing comma", "t=1700000000" + v1 + ",", Reason.MALFORMED_HEADER),
                Arguments.of("blank inside an item", "t = 1700000000" + v1, Reason.MALFORMED_HEADER),
                Arguments.of("odd-length hex", "t=1700000000,v1=" + CURRENT_HMAC.substring(1), Reason.MALFORMED_HEADER),
                Arguments.of("short hex", "t=1700000000,v1=" + CURRENT_HMAC.substring(2), Reason.MALFORMED_HEADER),
                Arguments.of("non-hex", "t=1700000000,v1=" + "zz" + CURRENT_HMAC.substring(2), Reason.MALFORMED_HEADER),
                Arguments.of("upper-case hex", "t=1700000000,v1=" + CURRENT_HMAC.toUpperCase(), Reason.MALFORMED_HEADER),
                Arguments.of("not a list at all", "sha256=" + CURRENT_HMAC, Reason.MALFORMED_HEADER),
                Arguments.of("no v1", "t=1700000000", Reason.NO_SIGNATURE),
                Arguments.of("only unknown schemes", "t=1700000000,v0=" + CURRENT_HMAC, Reason.NO_SIGNATURE),
                Arguments.of("10,000 items", "t=1700000000" + v1.repeat(10_000), Reason.MALFORMED_HEADER),
                Arguments.of("10,000 unknown items", "t=1700000000" + ",v0=x".repeat(10_000) + v1, Reason.MALFORMED_HEADER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectiveHeaders")
    void a_defective_header_is_refused_with_its_reason_never_an_exception(String name, String header, Reason reason) {
        assertThat(refusal(at(NOW).verify(header, BODY))).isEqualTo(reason);
    }

    @Test
    void more_than_sixteen_signatures_are_refused_before_any_is_computed() {
        String seventeen = "t=1700000000" + (",v1=" + "0".repeat(64)).repeat(16) + ",v1=" + CURRENT_HMAC;

        assertThat(refusal(at(NOW).verify(seventeen, BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void sixteen_signatures_are_read_and_the_last_may_match() {
        String sixteen = "t=1700000000" + (",v1=" + "0".repeat(64)).repeat(15) + ",v1=" + CURRENT_HMAC;

        assertThat(at(NOW).verify(sixteen, BODY).verified()).isTrue();
    }

    @Test
    void the_refusal_details_say_which_check_failed_without_quoting_anything() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::detail).collect(Collectors.joining("\n")))
                .doesNotContain(CURRENT_HMAC)
                .contains("older than the tolerance", "malformed", "no v1 signature matches");
    }

    @Test
    void the_configuration_gives_the_secrets_and_the_tolerance() {
        WebhookConfig config = config("WEBHOOK_SECRET", CURRENT.reveal(), "WEBHOOK_PREVIOUS_SECRETS", PREVIOUS.reveal(),
                "WEBHOOK_TOLERANCE", "30s");
        WebhookSignatures signatures = WebhookSignatures.from(config, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(signatures.sign(BODY)).isEqualTo("t=1700000000,v1=" + CURRENT_HMAC + ",v1=" + PREVIOUS_HMAC);
        assertThat(signatures.tolerance()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void without_webhook_secret_the_configuration_gives_no_signatures_and_says_why() {
        WebhookConfig config = config();

        assertThatThrownBy(() -> WebhookSignatures.from(config, Clock.systemUTC()))
                .isInstanceOf(WebhookSecretMissingException.class)
                .isInstanceOf(ErpSecurityException.class)
                .hasMessageStartingWith("WEBHOOK_SECRET is not set");
    }

    @Test
    void an_empty_secret_or_a_tolerance_that_is_not_positive_is_refused_without_quoting_the_secret() {
        Clock clock = Clock.systemUTC();

        assertThatThrownBy(() -> WebhookSignatures.of(Secret.of(""), List.of(), TOLERANCE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignatures.of(CURRENT, List.of(), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(CURRENT.reveal());
    }

    @Test
    void to_string_never_shows_a_secret() {
        assertThat(signatures(NOW, CURRENT, PREVIOUS).toString())
                .isEqualTo("WebhookSignatures[secrets=2, tolerance=PT5M]")
                .doesNotContain(CURRENT.reveal())
                .doesNotContain(PREVIOUS.reveal());
    }

    private static WebhookConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(MapConfigSource.of("test", values)).config().webhookConfig();
    }
}
