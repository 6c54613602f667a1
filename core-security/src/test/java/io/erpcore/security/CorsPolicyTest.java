package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.CorsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    static final String APP = "https://app.example.com";
    static final HeaderField VARY_ORIGIN = new HeaderField("Vary", "Origin");
    static final HeaderField EXPOSE = new HeaderField("Access-Control-Expose-Headers",
            "X-Request-ID, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After");

    static CorsPolicy policy(String... origins) {
        return CorsPolicy.from(new CorsConfig(List.of(origins)));
    }

    @Test
    void echoes_an_allowed_origin_with_vary_and_the_exposed_headers() {
        assertThat(policy(APP, "https://admin.example.com").responseHeaders(APP)).containsExactly(
                new HeaderField("Access-Control-Allow-Origin", APP), VARY_ORIGIN, EXPOSE);
    }

    @Test
    void an_unlisted_origin_gets_no_access_control_header_only_vary_origin() {
        assertThat(policy(APP).responseHeaders("https://evil.example.com")).containsExactly(VARY_ORIGIN);
    }

    @Test
    void a_request_without_origin_gets_only_vary_origin() {
        assertThat(policy(APP).responseHeaders(null)).containsExactly(VARY_ORIGIN);
    }

    @Test
    void the_opaque_null_origin_of_a_sandboxed_document_is_not_allowed() {
        assertThat(policy(APP).responseHeaders("null")).containsExactly(VARY_ORIGIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/", "https://app.example.com:8443", "http://app.example.com",
        "https://app.example.com.evil.example", "https://evil-app.example.com", "https://app.example.co"})
    void a_different_origin_is_not_allowed(String origin) {
        assertThat(policy(APP).responseHeaders(origin)).containsExactly(VARY_ORIGIN);
    }

    @Test
    void matches_scheme_and_host_ignoring_case_and_echoes_the_browsers_form() {
        assertThat(policy(APP).responseHeaders("HTTPS://App.Example.COM"))
                .startsWith(new HeaderField("Access-Control-Allow-Origin", APP));
    }

    @Test
    void an_origin_configured_in_upper_case_matches_what_the_browser_sends() {
        assertThat(policy("HTTPS://APP.EXAMPLE.COM").responseHeaders(APP))
                .startsWith(new HeaderField("Access-Control-Allow-Origin", APP));
    }

    @Test
    void a_configured_default_port_matches_the_origin_a_browser_sends_without_it() {
        assertThat(policy("https://app.example.com:443").responseHeaders(APP))
                .startsWith(new HeaderField("Access-Control-Allow-Origin", APP));
    }

    @Test
    void a_configured_port_must_match() {
        CorsPolicy policy = policy("http://localhost:5173");

        assertThat(policy.responseHeaders("http://localhost:5173"))
                .startsWith(new HeaderField("Access-Control-Allow-Origin", "http://localhost:5173"));
        assertThat(policy.responseHeaders("http://localhost:3000")).containsExactly(VARY_ORIGIN);
    }

    @Test
    void a_wildcard_answers_any_origin_with_a_star_and_the_exposed_headers() {
        assertThat(policy("*").responseHeaders("https://anyone.example.net")).containsExactly(
                new HeaderField("Access-Control-Allow-Origin", "*"), EXPOSE);
    }

    @Test
    void a_wildcard_answer_does_not_depend_on_the_origin() {
        CorsPolicy policy = policy("*");

        assertThat(policy.responseHeaders(null)).isSameAs(policy.responseHeaders("https://anyone.example.net"));
    }

    @Test
    void a_wildcard_among_listed_origins_still_allows_any_origin() {
        assertThat(policy(APP, "*").responseHeaders(APP))
                .startsWith(new HeaderField("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void without_configured_origins_no_answer_carries_a_cors_header() {
        CorsPolicy policy = policy();

        assertThat(policy.enabled()).isFalse();
        assertThat(policy.responseHeaders(APP)).isEmpty();
        assertThat(policy.responseHeaders(null)).isEmpty();
    }

    @Test
    void a_listed_origin_or_a_wildcard_enables_cors() {
        assertThat(policy(APP).enabled()).isTrue();
        assertThat(policy("*").enabled()).isTrue();
    }

    @Test
    void never_allows_credentials() {
        for (CorsPolicy policy : List.of(policy(APP), policy("*"))) {
            assertThat(policy.responseHeaders(APP)).extracting(HeaderField::name)
                    .doesNotContain("Access-Control-Allow-Credentials");
            assertThat(policy.preflight(APP, "POST", "Authorization"))
                    .isInstanceOfSatisfying(CorsPreflight.Allowed.class, allowed -> assertThat(allowed.headers())
                            .extracting(HeaderField::name).doesNotContain("Access-Control-Allow-Credentials"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/path", "https://app.example.com/", "ftp://files.example.com",
        "app.example.com", "https://user@app.example.com", "https://app.example.com?x=1", "mailto:a@example.com", ""})
    void refuses_a_configured_entry_that_is_not_an_origin(String entry) {
        assertThatThrownBy(() -> policy(APP, entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CORS_ORIGINS entry " + QuotedInput.quote(entry)
                        + " must be * or an origin such as https://app.example.com (scheme, host, optional port; no path)");
    }
}
