package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.erpcore.config.Secret;
import io.erpcore.security.WebhookSignatures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook route wrapped in {@link WebhookSignatureCheck}, called over real HTTP. */
class WebhookSignatureCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/webhooks/payments";
    private static final String SECRET = "whsec-current-Zq8vN2kLw5pR7tX1yB4cF6hJ9mQ3";
    private static final String PREVIOUS = "whsec-previous-q7Yc3mR1vT9wK2pL6xN4bJ8dF0h";
    private static final String BODY = "{\"id\":\"evt_42\",\"type\":\"payment.settled\",\"payer\":\"Müller\"}";

    private final AtomicReference<String> received = new AtomicReference<>();
    private JavalinApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** A receiver configured with {@code variables}, whose handler records the body it sees. */
    private HttpTestClient receiver(String... variables) {
        Map<String, String> config = TestApplications.production(variables);
        WebhookSignatures signatures = WebhookSignatures.from(TestApplications.config(config).webhookConfig(), Clock.systemUTC());
        app = TestApplications.builder(config)
                .routes(routes -> routes.post(PATH, RouteAccess.anyone(), WebhookSignatureCheck.verified(signatures, ctx -> {
                    received.set(ctx.body());
                    ctx.status(204);
                })))
                .build().start();
        return HttpTestClient.on(app);
    }

    private static String sign(String secret, Instant at, String body) {
        return WebhookSignatures.of(Secret.of(secret), List.of(), Duration.ofMinutes(5), Clock.fixed(at, ZoneOffset.UTC))
                .sign(body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> deliver(HttpTestClient http, String body, String signature) {
        return signature == null
                ? http.send("POST", PATH, "application/json", body)
                : http.send("POST", PATH, "application/json", body, WebhookSignatures.HEADER, signature);
    }

    private JsonNode refusal(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(received.get()).as("the handler must not run").isNull();
        return problem;
    }

    @Test
    void a_correctly_signed_post_reaches_the_handler_which_sees_the_body() {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);

        HttpResponse<String> response = deliver(http, BODY, sign(SECRET, Instant.now(), BODY));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(received.get()).isEqualTo(BODY);
    }

    @Test
    void a_signature_by_another_secret_is_401_saying_no_signature_matches() throws Exception {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);

        JsonNode problem = refusal(deliver(http, BODY, sign(PREVIOUS, Instant.now(), BODY)));

        assertThat(problem.get("detail").asText()).contains("no v1 signature matches");
    }

    @Test
    void a_stale_timestamp_is_401_saying_it_is_too_old() throws Exception {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);

        JsonNode problem = refusal(deliver(http, BODY, sign(SECRET, Instant.now().minus(Duration.ofMinutes(6)), BODY)));

        assertThat(problem.get("detail").asText()).contains("older than the tolerance");
    }

    @Test
    void a_modified_body_is_401() throws Exception {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);
        String signature = sign(SECRET, Instant.now(), BODY);

        refusal(deliver(http, BODY.replace("evt_42", "evt_43"), signature));
    }

    @Test
    void a_missing_header_is_401_saying_it_is_missing() throws Exception {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);

        JsonNode problem = refusal(deliver(http, BODY, null));

        assertThat(problem.get("detail").asText()).contains("missing");
    }

    @Test
    void the_refusal_never_echoes_the_signature() throws Exception {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET);
        String forged = sign(PREVIOUS, Instant.now(), BODY);

        HttpResponse<String> response = deliver(http, BODY, forged);

        refusal(response);
        assertThat(response.body()).doesNotContain(forged.substring(forged.indexOf("v1=") + 3));
    }

    @Test
    void during_rotation_signatures_by_the_new_and_the_previous_secret_both_reach_the_handler() {
        HttpTestClient http = receiver("WEBHOOK_SECRET", SECRET, "WEBHOOK_PREVIOUS_SECRETS", PREVIOUS);

        assertThat(deliver(http, BODY, sign(SECRET, Instant.now(), BODY)).statusCode()).isEqualTo(204);
        assertThat(deliver(http, BODY, sign(PREVIOUS, Instant.now(), BODY)).statusCode()).isEqualTo(204);
    }
}
