package io.erpcore.adapter.api;

import static io.erpcore.adapter.api.Problems.assertProblem;
import static io.erpcore.adapter.api.StandaloneServer.bearer;
import static io.erpcore.adapter.api.StandaloneServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile access tokens against a real server: every forgery, downgrade and stale token is a 401
 * problem with the right code, none reaches the database, and a token of the retired key still works.
 */
class JwtAttackTest {

    private static final String SECRET = "the-current-jwt-secret-of-the-attack-tests-0123";
    private static final String PREVIOUS_SECRET = "the-retired-jwt-secret-of-the-attack-tests-4567";
    private static final String FOREIGN_SECRET = "a-secret-this-server-has-never-heard-of-89abcdef";
    private static final String ISSUER = "erp-core";
    private static final String AUDIENCE = "erp-api";
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static StandaloneServer server;
    private static StandaloneServer.TenantAccount acme;
    private static StandaloneServer.TenantAccount other;
    private static String ownerId;
    private static String issuedToken;

    @BeforeAll
    static void start() {
        server = StandaloneServer.start("JWT_SECRET", SECRET, "JWT_SECRET_ID", "k2",
                "JWT_PREVIOUS_SECRETS", "k1:" + PREVIOUS_SECRET, "JWT_ISSUER", ISSUER, "JWT_AUDIENCE", AUDIENCE,
                "JWT_CLOCK_SKEW", SKEW.toSeconds() + "s");
        acme = server.newTenant();
        other = server.newTenant();
        issuedToken = server.signIn(acme.slug(), acme.ownerEmail(), StandaloneServer.OWNER_PASSWORD);
        ownerId = json(server.http().get("/api/v1/me", bearer(issuedToken))).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_token_crafted_with_the_current_secret_is_accepted() {
        HttpResponse<String> me = me(claims().sign(Algorithm.HMAC256(SECRET)));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("id").asText()).isEqualTo(ownerId);
    }

    @Test
    void a_token_signed_with_the_previous_key_k1_is_accepted() {
        HttpResponse<String> me = me(claims().withKeyId("k1").sign(Algorithm.HMAC256(PREVIOUS_SECRET)));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("email").asText()).isEqualTo(acme.ownerEmail());
    }

    @Test
    void a_request_without_a_token_is_not_authenticated() {
        assertProblem(server.http().get("/api/v1/me"), 401, "NOT_AUTHENTICATED");
    }

    @Test
    void garbage_is_an_invalid_token() {
        assertProblem(me("this is not a token at all"), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_of_two_parts_is_invalid() {
        String[] parts = issuedToken.split("\\.");
        assertProblem(me(parts[0] + "." + parts[1]), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_with_its_signature_stripped_is_invalid() {
        String[] parts = issuedToken.split("\\.");
        assertProblem(me(parts[0] + "." + parts[1] + "."), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_of_algorithm_none_is_invalid() {
        String payload = issuedToken.split("\\.")[1];
        assertProblem(me(encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k2\"}") + "." + payload + "."),
                401, "INVALID_TOKEN");
    }

    @Test
    void a_token_whose_tenant_was_changed_keeping_the_signature_is_invalid() {
        assertProblem(me(tampered(issuedToken, acme.id(), other.id())), 401, "INVALID_TOKEN");
    }

    @Test
    void a_member_token_whose_roles_were_raised_keeping_the_signature_is_invalid() {
        String member = claims().withArrayClaim("roles", new String[] {"member"}).sign(Algorithm.HMAC256(SECRET));
        assertThat(decode(member.split("\\.")[1])).contains("\"member\"");

        assertProblem(me(tampered(member, "\"member\"", "\"owner\"")), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_signed_with_a_foreign_secret_is_invalid() {
        assertProblem(me(claims().sign(Algorithm.HMAC256(FOREIGN_SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_signed_with_hs512_and_the_right_secret_is_invalid() {
        assertProblem(me(claims().sign(Algorithm.HMAC512(SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_signed_with_rs256_is_invalid() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());

        assertProblem(me(claims().sign(rs256)), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_with_an_rs256_header_over_an_hs256_signature_is_invalid() {
        String[] parts = claims().sign(Algorithm.HMAC256(SECRET)).split("\\.");
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k2\"}");

        assertProblem(me(header + "." + parts[1] + "." + parts[2]), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_expired_beyond_the_clock_skew_is_expired() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = claims().withIssuedAt(now.minus(Duration.ofMinutes(20)))
                .withExpiresAt(now.minus(SKEW).minusSeconds(30)).sign(Algorithm.HMAC256(SECRET));

        assertProblem(me(token), 401, "TOKEN_EXPIRED");
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_still_accepted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = claims().withIssuedAt(now.minus(Duration.ofMinutes(15)))
                .withExpiresAt(now.minus(SKEW.dividedBy(3))).sign(Algorithm.HMAC256(SECRET));

        HttpResponse<String> me = me(token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }

    @Test
    void a_token_not_valid_before_a_future_time_is_invalid() {
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertProblem(me(claims().withNotBefore(later).sign(Algorithm.HMAC256(SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_without_exp_is_invalid() {
        Map<String, Object> payload = payload();
        payload.remove("exp");
        String token = JWT.create().withKeyId("k2").withHeader(Map.of("typ", "JWT")).withPayload(payload)
                .sign(Algorithm.HMAC256(SECRET));
        assertThat(decode(token.split("\\.")[1])).doesNotContain("\"exp\"");

        assertProblem(me(token), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_of_another_issuer_is_invalid() {
        assertProblem(me(claims().withIssuer("someone-else").sign(Algorithm.HMAC256(SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_for_another_audience_is_invalid() {
        assertProblem(me(claims().withAudience("another-api").sign(Algorithm.HMAC256(SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_naming_an_unknown_kid_is_invalid() {
        assertProblem(me(claims().withKeyId("k9").sign(Algorithm.HMAC256(SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void a_token_of_the_previous_secret_under_the_current_kid_is_invalid() {
        assertProblem(me(claims().sign(Algorithm.HMAC256(PREVIOUS_SECRET))), 401, "INVALID_TOKEN");
    }

    @Test
    void invalid_tokens_are_refused_without_a_single_database_statement() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] parts = issuedToken.split("\\.");
        String[] hostile = {
            "garbage", parts[0] + "." + parts[1], parts[0] + "." + parts[1] + ".",
            encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k2\"}") + "." + parts[1] + ".",
            tampered(issuedToken, acme.id(), other.id()),
            claims().sign(Algorithm.HMAC256(FOREIGN_SECRET)),
            claims().sign(Algorithm.HMAC512(SECRET)),
            claims().withExpiresAt(now.minus(Duration.ofMinutes(5))).withIssuedAt(now.minus(Duration.ofMinutes(20)))
                    .sign(Algorithm.HMAC256(SECRET)),
            claims().withNotBefore(now.plus(Duration.ofMinutes(5))).sign(Algorithm.HMAC256(SECRET)),
            claims().withIssuer("someone-else").sign(Algorithm.HMAC256(SECRET)),
            claims().withAudience("another-api").sign(Algorithm.HMAC256(SECRET)),
            claims().withKeyId("k9").sign(Algorithm.HMAC256(SECRET)),
        };
        long before = server.databaseStatements();

        for (String token : hostile) {
            assertThat(me(token).statusCode()).as(token).isEqualTo(401);
        }

        assertThat(server.databaseStatements()).as("statements run while refusing the tokens").isEqualTo(before);
    }

    @Test
    void a_valid_token_does_reach_the_database_so_the_statement_count_is_a_real_witness() {
        long before = server.databaseStatements();

        HttpResponse<String> me = me(claims().sign(Algorithm.HMAC256(SECRET)));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(server.databaseStatements()).isGreaterThan(before);
    }

    private static HttpResponse<String> me(String token) {
        return server.http().get("/api/v1/me", bearer(token));
    }

    /** The claims of a valid token of acme's owner, kid k2, living five minutes from now. */
    private static JWTCreator.Builder claims() {
        return JWT.create().withKeyId("k2").withHeader(Map.of("typ", "JWT")).withPayload(payload());
    }

    private static Map<String, Object> payload() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", ownerId);
        claims.put("tid", acme.id());
        claims.put("roles", List.of("owner"));
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** {@code token} with {@code from} replaced by {@code to} in its payload, header and signature untouched. */
    private static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = decode(parts[1]);
        assertThat(payload).contains(from);
        return parts[0] + "." + encode(payload.replace(from, to)) + "." + parts[2];
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
