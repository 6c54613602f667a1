package io.erpcore.security;

import static io.erpcore.security.CorsPolicyTest.APP;
import static io.erpcore.security.CorsPolicyTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.security.CorsPreflight.Allowed;
import io.erpcore.security.CorsPreflight.Refused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPreflightTest {

    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, X-Request-ID, X-Correlation-ID, X-Tenant-ID, traceparent";

    @Test
    void allows_a_listed_origin_with_the_methods_headers_and_max_age() {
        assertThat(policy(APP).preflight(APP, "PATCH", "authorization,content-type")).isEqualTo(new Allowed(List.of(
                new HeaderField("Access-Control-Allow-Origin", APP),
                new HeaderField("Access-Control-Allow-Methods", METHODS),
                new HeaderField("Access-Control-Allow-Headers", HEADERS),
                new HeaderField("Access-Control-Max-Age", "600"),
                new HeaderField("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void allows_each_method_of_the_api(String method) {
        assertThat(policy(APP).preflight(APP, method, null)).isInstanceOf(Allowed.class);
    }

    @Test
    void allows_every_header_of_the_api_in_any_case() {
        assertThat(policy(APP).preflight(APP, "POST",
                "AUTHORIZATION, content-type, x-request-id, X-CORRELATION-ID, x-tenant-id, TraceParent"))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void tolerates_blanks_and_empty_entries_in_the_requested_headers() {
        assertThat(policy(APP).preflight(APP, "POST", " Authorization ,\tContent-Type,, ")).isInstanceOf(Allowed.class);
    }

    @Test
    void allows_a_preflight_that_requests_no_header() {
        assertThat(policy(APP).preflight(APP, "DELETE", "")).isInstanceOf(Allowed.class);
    }

    @Test
    void answers_a_wildcard_preflight_with_a_star() {
        assertThat(policy("*").preflight("https://anyone.example.net", "GET", "authorization"))
                .isInstanceOfSatisfying(Allowed.class, allowed -> assertThat(allowed.headers())
                        .startsWith(new HeaderField("Access-Control-Allow-Origin", "*")));
    }

    @Test
    void refuses_an_unlisted_origin() {
        assertThat(policy(APP).preflight("https://evil.example.com", "GET", null))
                .isEqualTo(new Refused("origin 'https://evil.example.com' is not listed in CORS_ORIGINS"));
    }

    @Test
    void refuses_a_preflight_without_origin_even_with_a_wildcard() {
        assertThat(policy("*").preflight(null, "GET", null))
                .isEqualTo(new Refused("a preflight must carry an Origin header"));
    }

    @Test
    void refuses_every_preflight_when_no_origin_is_configured() {
        assertThat(policy().preflight(APP, "GET", null))
                .isEqualTo(new Refused("cross-origin requests are not allowed: CORS_ORIGINS lists no origin"));
    }

    @Test
    void refuses_a_method_outside_the_api() {
        assertThat(policy(APP).preflight(APP, "TRACE", null))
                .isEqualTo(new Refused("method 'TRACE' is not allowed; allowed: " + METHODS));
    }

    @Test
    void compares_the_method_exactly_as_browsers_do() {
        // Browsers upper-case GET, POST, PUT, DELETE, HEAD and OPTIONS but send "patch" as written,
        // and then compare it with Access-Control-Allow-Methods case-sensitively.
        assertThat(policy(APP).preflight(APP, "patch", null)).isInstanceOf(Refused.class);
    }

    @Test
    void refuses_a_preflight_without_a_requested_method() {
        assertThat(policy(APP).preflight(APP, null, null))
                .isEqualTo(new Refused("method null is not allowed; allowed: " + METHODS));
    }

    @Test
    void refuses_a_requested_header_outside_the_api_and_names_it() {
        assertThat(policy(APP).preflight(APP, "GET", "authorization, x-api-key, content-type"))
                .isEqualTo(new Refused("request header 'x-api-key' is not allowed; allowed: " + HEADERS));
    }

    @Test
    void refuses_a_header_that_only_starts_like_an_allowed_one() {
        assertThat(policy(APP).preflight(APP, "GET", "Authorization-Extra")).isInstanceOf(Refused.class);
    }

    @Test
    void refuses_a_header_that_matches_only_under_unicode_case_rules() {
        // U+017F (long s) upper-cases to S, so String.equalsIgnoreCase would take it for X-Request-ID.
        assertThat(policy(APP).preflight(APP, "GET", "X-Reque\u017Ft-ID")).isInstanceOf(Refused.class);
    }

    @Test
    void the_refusal_quotes_the_callers_input_without_control_characters() {
        assertThat(policy(APP).preflight("https://evil.example.com\r\nX-Injected: 1", "GET", null))
                .isEqualTo(new Refused("origin 'https://evil.example.com??X-Injected: 1' is not listed in CORS_ORIGINS"));
    }

    @Test
    void an_allowed_preflight_is_precomputed_for_each_origin() {
        CorsPolicy policy = policy(APP);

        assertThat(policy.preflight(APP, "GET", null)).isSameAs(policy.preflight(APP, "POST", "authorization"));
    }

    @Test
    void options_with_origin_and_request_method_is_a_preflight() {
        assertThat(CorsPolicy.isPreflight("OPTIONS", APP, "POST")).isTrue();
    }

    @Test
    void options_without_a_requested_method_is_not_a_preflight() {
        assertThat(CorsPolicy.isPreflight("OPTIONS", APP, null)).isFalse();
    }

    @Test
    void options_without_origin_is_not_a_preflight() {
        assertThat(CorsPolicy.isPreflight("OPTIONS", null, "POST")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "options"})
    void another_method_is_not_a_preflight(String method) {
        assertThat(CorsPolicy.isPreflight(method, APP, "POST")).isFalse();
    }

    @Test
    void an_allowed_answer_must_carry_headers() {
        assertThatThrownBy(() -> new Allowed(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_refusal_must_say_why() {
        assertThatThrownBy(() -> new Refused(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
