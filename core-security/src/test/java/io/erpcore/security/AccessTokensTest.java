package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.erpcore.config.JwtConfig;
import io.erpcore.config.JwtKey;
import io.erpcore.config.Secret;
import io.erpcore.security.TokenVerification.Invalid;
import io.erpcore.security.TokenVerification.Reason;
import io.erpcore.security.TokenVerification.Valid;
import io.erpcore.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokensTest {

    private static final String CURRENT = "current-secret-0123456789abcdef-0123456789";
    private static final String PREVIOUS = "previous-secret-fedcba9876543210-fedcba98";
    private static final String FOREIGN = "someone-elses-secret-aaaabbbbccccddddeeee";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final UUID USER = UUID.fromString("6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b");
    private static final TenantId TENANT = TenantId.of(UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a"));
    private static final String JTI = "0e8f7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    private static JwtConfig config() {
        return new JwtConfig(Secret.of(CURRENT), "k1", List.of(new JwtKey("k0", Secret.of(PREVIOUS))),
                TTL, Duration.ofDays(7), "erp-core", "erp-api", SKEW);
    }

    private static AccessTokens at(Instant now) {
        return AccessTokens.from(config(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Reason refusal(TokenVerification verification) {
        assertThat(verification).isInstanceOf(Invalid.class);
        return ((Invalid) verification).reason();
    }

    private static AccessTokenClaims claims(TokenVerification verification) {
        assertThat(verification).isInstanceOf(Valid.class);
        return ((Valid) verification).claims();
    }

    // Hand-made tokens: every byte chosen here, none by java-jwt.

    /** The header an honest token has. */
    private static Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        header.put("kid", "k1");
        return header;
    }

    /** The claims an honest token issued at NOW has. */
    private static Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", USER.toString());
        payload.put("tid", TENANT.toString());
        payload.put("roles", List.of("admin"));
        payload.put("iss", "erp-core");
        payload.put("aud", "erp-api");
        payload.put("iat", NOW.getEpochSecond());
        payload.put("exp", NOW.plus(TTL).getEpochSecond());
        payload.put("jti", JTI);
        return payload;
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> json(entry.getKey()) + ":" + json(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AccessTokensTest::json).collect(Collectors.joining(",", "[", "]"));
        }
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code header.payload.signature}, signed HS256 with {@code secret} whatever the header says. */
    private static String signed(Map<String, Object> header, Map<String, Object> payload, String secret) {
        String signingInput = base64Url(json(header)) + "." + base64Url(json(payload));
        return signingInput + "." + hs256(secret, signingInput);
    }

    private static String signed(Map<String, Object> header, Map<String, Object> payload) {
        return signed(header, payload, CURRENT);
    }

    private static String honest() {
        return signed(header(), payload());
    }

    private static Map<String, Object> payloadWith(String claim, Object value) {
        Map<String, Object> payload = payload();
        payload.put(claim, value);
        return payload;
    }

    private static Map<String, Object> payloadWithout(String claim) {
        Map<String, Object> payload = payload();
        payload.remove(claim);
        return payload;
    }

    private static Map<String, Object> headerWith(String name, Object value) {
        Map<String, Object> header = header();
        header.put(name, value);
        return header;
    }

    private static Map<String, Object> headerWithout(String name) {
        Map<String, Object> header = header();
        header.remove(name);
        return header;
    }

    // Issue, then verify.

    @Test
    void an_issued_token_verifies_and_says_what_it_was_issued_with() {
        AccessTokens tokens = at(NOW);
        IssuedToken issued = tokens.issue(USER, TENANT, List.of("admin", "auditor"));

        assertThat(claims(tokens.verify(issued.token()))).isEqualTo(new AccessTokenClaims(
                USER, TENANT, List.of("admin", "auditor"), issued.jti(), NOW, NOW.plus(TTL), "k1"));
    }

    @Test
    void an_issued_token_carries_the_header_and_claims_of_the_wire_format() {
        IssuedToken issued = at(NOW).issue(USER, TENANT, List.of("member"));
        DecodedJWT decoded = JWT.decode(issued.token());

        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(decoded.getType()).isEqualTo("JWT");
        assertThat(decoded.getKeyId()).isEqualTo("k1");
        assertThat(decoded.getSubject()).isEqualTo(USER.toString());
        assertThat(decoded.getClaim("tid").asString()).isEqualTo(TENANT.toString());
        assertThat(decoded.getClaim("roles").asList(String.class)).containsExactly("member");
        assertThat(decoded.getIssuer()).isEqualTo("erp-core");
        assertThat(decoded.getAudience()).containsExactly("erp-api");
        assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(NOW);
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plus(TTL));
        assertThat(decoded.getId()).isEqualTo(issued.jti());
        assertThat(UUID.fromString(issued.jti())).isNotNull();
    }

    @Test
    void issue_times_are_whole_seconds_and_the_lifetime_is_jwt_expires_in() {
        IssuedToken issued = at(NOW.plusMillis(999)).issue(USER, TENANT, List.of());

        assertThat(issued.issuedAt()).isEqualTo(NOW);
        assertThat(issued.expiresIn()).isEqualTo(TTL);
    }

    @Test
    void two_tokens_have_different_ids() {
        AccessTokens tokens = at(NOW);

        assertThat(tokens.issue(USER, TENANT, List.of()).jti()).isNotEqualTo(tokens.issue(USER, TENANT, List.of()).jti());
    }

    @Test
    void an_issued_token_hides_the_token_in_to_string() {
        IssuedToken issued = at(NOW).issue(USER, TENANT, List.of());

        assertThat(issued.toString()).contains(issued.jti()).doesNotContain(issued.token())
                .doesNotContain(issued.token().substring(issued.token().lastIndexOf('.') + 1));
    }

    @Test
    void a_hand_made_honest_token_verifies() {
        assertThat(claims(at(NOW).verify(honest())).roles()).containsExactly("admin");
    }

    // Not a token at all.

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", " ", "...", "a.b.c", "a.b.c.d.e", "bnVsbA.bnVsbA.c2ln", "W10.W10.c2ln"})
    void anything_that_is_not_a_jwt_is_malformed(String token) {
        assertThat(refusal(at(NOW).verify(token))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void a_two_part_token_is_malformed() {
        String honest = honest();

        assertThat(refusal(at(NOW).verify(honest.substring(0, honest.lastIndexOf('.'))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void a_token_longer_than_eight_kilobytes_is_malformed_without_being_decoded() {
        String padded = signed(header(), payloadWith("pad", "x".repeat(AccessTokens.MAX_TOKEN_LENGTH)));

        assertThat(refusal(at(NOW).verify(padded))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void a_header_with_critical_extensions_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(headerWith("crit", List.of("exp")), payload())))).isEqualTo(Reason.MALFORMED);
    }

    // Forged signatures and algorithms.

    @Test
    void a_stripped_signature_is_refused() {
        String honest = honest();

        assertThat(refusal(at(NOW).verify(honest.substring(0, honest.lastIndexOf('.') + 1)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void an_unsigned_alg_none_token_is_refused_for_its_algorithm(String none) {
        String unsigned = base64Url(json(headerWith("alg", none))) + "." + base64Url(json(payload())) + ".";

        assertThat(refusal(at(NOW).verify(unsigned))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void a_token_without_an_algorithm_is_refused_for_its_algorithm() {
        assertThat(refusal(at(NOW).verify(signed(headerWithout("alg"), payload())))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_refused() {
        String[] parts = honest().split("\\.");
        String promoted = base64Url(json(payloadWith("roles", List.of("owner"))));

        assertThat(refusal(at(NOW).verify(parts[0] + "." + promoted + "." + parts[2]))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void a_token_signed_with_a_foreign_secret_is_refused() {
        String forged = JWT.create().withKeyId("k1").withPayload(payload()).sign(Algorithm.HMAC256(FOREIGN));

        assertThat(refusal(at(NOW).verify(forged))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void an_hs512_token_is_refused_even_under_the_right_secret() {
        String hs512 = JWT.create().withKeyId("k1").withPayload(payload()).sign(Algorithm.HMAC512(CURRENT));

        assertThat(refusal(at(NOW).verify(hs512))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void an_rs256_token_is_refused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String rs256 = JWT.create().withKeyId("k1").withPayload(payload())
                .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));

        assertThat(refusal(at(NOW).verify(rs256))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void an_rs256_header_over_an_hmac_of_the_secret_is_refused() {
        // The classic confusion attack: the verifier must not let the header pick how its key is used.
        assertThat(refusal(at(NOW).verify(signed(headerWith("alg", "RS256"), payload())))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    // Keys and rotation.

    @Test
    void a_token_signed_with_a_previous_key_under_its_kid_verifies() {
        String rotated = signed(headerWith("kid", "k0"), payload(), PREVIOUS);

        assertThat(claims(at(NOW).verify(rotated)).keyId()).isEqualTo("k0");
    }

    @Test
    void a_token_signed_with_a_previous_key_under_the_current_kid_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payload(), PREVIOUS)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void a_token_with_an_unknown_kid_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(headerWith("kid", "k9"), payload())))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void a_token_without_a_kid_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(headerWithout("kid"), payload())))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    // Type.

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "JWS", "jwt", ""})
    void a_typ_other_than_jwt_is_refused(String type) {
        assertThat(refusal(at(NOW).verify(signed(headerWith("typ", type), payload())))).isEqualTo(Reason.WRONG_TYPE);
    }

    @Test
    void a_token_without_typ_verifies() {
        assertThat(at(NOW).verify(signed(headerWithout("typ"), payload())).valid()).isTrue();
    }

    // Time.

    @Test
    void a_token_expired_beyond_the_clock_skew_is_refused() {
        Instant later = NOW.plus(TTL).plus(SKEW).plusSeconds(1);

        assertThat(refusal(at(later).verify(honest()))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_accepted() {
        Instant later = NOW.plus(TTL).plus(SKEW).minusSeconds(1);

        assertThat(at(later).verify(honest()).valid()).isTrue();
    }

    @Test
    void a_token_whose_not_before_lies_beyond_the_clock_skew_is_refused() {
        String early = signed(header(), payloadWith("nbf", NOW.plus(SKEW).plusSeconds(1).getEpochSecond()));

        assertThat(refusal(at(NOW).verify(early))).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void a_token_whose_not_before_lies_within_the_clock_skew_is_accepted() {
        String early = signed(header(), payloadWith("nbf", NOW.plus(SKEW).getEpochSecond()));

        assertThat(at(NOW).verify(early).valid()).isTrue();
    }

    @Test
    void a_token_issued_in_the_future_beyond_the_clock_skew_is_refused() {
        String future = signed(header(), payloadWith("iat", NOW.plus(SKEW).plusSeconds(1).getEpochSecond()));

        assertThat(refusal(at(NOW).verify(future))).isEqualTo(Reason.NOT_YET_VALID);
    }

    // Claims.

    @Test
    void a_token_without_exp_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWithout("exp"))))).isEqualTo(Reason.MISSING_CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iat", "sub", "tid", "jti", "roles"})
    void a_token_without_a_required_claim_is_refused(String claim) {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWithout(claim))))).isEqualTo(Reason.MISSING_CLAIM);
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("iss", "someone-else"))))).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("aud", "other-api"))))).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "admin", "1-1-1-1-1", "6f1c2a4e8b3d4e5f9a7b1c2d3e4f5a6b", "{6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b}"})
    void a_subject_that_is_not_a_uuid_is_refused(String subject) {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("sub", subject))))).isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "1-1-1-1-1", ""})
    void a_tenant_that_is_not_a_uuid_is_refused(String tenant) {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("tid", tenant))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void a_tenant_that_is_a_number_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("tid", 42))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void a_token_id_that_is_not_a_uuid_is_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("jti", "1"))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void roles_that_are_not_an_array_of_strings_are_refused() {
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("roles", "owner"))))).isEqualTo(Reason.MALFORMED);
        assertThat(refusal(at(NOW).verify(signed(header(), payloadWith("roles", List.of(1, 2)))))).isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"soon\"", "null", "[1]", "{}", "1e400", "-1"})
    void a_token_whose_exp_is_not_a_time_is_refused_without_throwing(String exp) {
        Map<String, Object> payload = payloadWith("exp", new RawJson(exp));

        assertThat(at(NOW).verify(signed(header(), payload)).valid()).isFalse();
    }

    /** A value written into the JSON as is. */
    private record RawJson(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    // Configuration.

    @Test
    void a_clock_skew_over_sixty_seconds_is_refused() {
        JwtConfig lax = new JwtConfig(Secret.of(CURRENT), "k1", List.of(), TTL, Duration.ofDays(7), "erp-core", "erp-api",
                Duration.ofSeconds(61));

        assertThatThrownBy(() -> AccessTokens.from(lax, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JWT_CLOCK_SKEW");
    }

    @Test
    void a_key_id_used_twice_is_refused_without_naming_a_secret() {
        JwtConfig twice = new JwtConfig(Secret.of(CURRENT), "k1", List.of(new JwtKey("k1", Secret.of(PREVIOUS))),
                TTL, Duration.ofDays(7), "erp-core", "erp-api", SKEW);

        assertThatThrownBy(() -> AccessTokens.from(twice, Clock.systemUTC()))
                .hasMessageContaining("'k1'").hasMessageNotContaining(CURRENT).hasMessageNotContaining(PREVIOUS);
    }

    @Test
    void to_string_names_the_keys_but_never_a_secret() {
        assertThat(at(NOW).toString()).contains("k1", "k0").doesNotContain(CURRENT).doesNotContain(PREVIOUS);
    }
}
