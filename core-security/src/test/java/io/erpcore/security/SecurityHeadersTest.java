package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.Environment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecurityHeadersTest {

    private static final String HELMET_POLICY = "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
            + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';"
            + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline'";

    @ParameterizedTest
    @EnumSource(value = Environment.class, names = {"STAGING", "PRODUCTION"})
    void outside_development_sends_helmets_default_set_in_helmets_order(Environment environment) {
        assertThat(SecurityHeaders.forEnvironment(environment).headers()).containsExactly(
                new HeaderField("Content-Security-Policy", HELMET_POLICY + ";upgrade-insecure-requests"),
                new HeaderField("Cross-Origin-Opener-Policy", "same-origin"),
                new HeaderField("Cross-Origin-Resource-Policy", "same-origin"),
                new HeaderField("Origin-Agent-Cluster", "?1"),
                new HeaderField("Referrer-Policy", "no-referrer"),
                new HeaderField("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
                new HeaderField("X-Content-Type-Options", "nosniff"),
                new HeaderField("X-DNS-Prefetch-Control", "off"),
                new HeaderField("X-Download-Options", "noopen"),
                new HeaderField("X-Frame-Options", "SAMEORIGIN"),
                new HeaderField("X-Permitted-Cross-Domain-Policies", "none"),
                new HeaderField("X-XSS-Protection", "0"));
    }

    @Test
    void development_sends_the_same_set_without_hsts_and_without_upgrading_requests() {
        assertThat(SecurityHeaders.forEnvironment(Environment.DEVELOPMENT).headers()).containsExactly(
                new HeaderField("Content-Security-Policy", HELMET_POLICY),
                new HeaderField("Cross-Origin-Opener-Policy", "same-origin"),
                new HeaderField("Cross-Origin-Resource-Policy", "same-origin"),
                new HeaderField("Origin-Agent-Cluster", "?1"),
                new HeaderField("Referrer-Policy", "no-referrer"),
                new HeaderField("X-Content-Type-Options", "nosniff"),
                new HeaderField("X-DNS-Prefetch-Control", "off"),
                new HeaderField("X-Download-Options", "noopen"),
                new HeaderField("X-Frame-Options", "SAMEORIGIN"),
                new HeaderField("X-Permitted-Cross-Domain-Policies", "none"),
                new HeaderField("X-XSS-Protection", "0"));
    }

    @Test
    void development_sends_no_strict_transport_security() {
        assertThat(value(Environment.DEVELOPMENT, "Strict-Transport-Security")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Environment.class, names = {"STAGING", "PRODUCTION"})
    void staging_and_production_pin_https_for_a_year_with_subdomains(Environment environment) {
        assertThat(value(environment, "Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void the_policy_asks_to_upgrade_insecure_requests_only_outside_development() {
        assertThat(value(Environment.DEVELOPMENT, "Content-Security-Policy").orElseThrow())
                .doesNotContain("upgrade-insecure-requests");
        assertThat(value(Environment.PRODUCTION, "Content-Security-Policy").orElseThrow())
                .endsWith(";upgrade-insecure-requests");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void every_call_returns_the_same_immutable_list(Environment environment) {
        List<HeaderField> headers = SecurityHeaders.forEnvironment(environment).headers();

        assertThat(SecurityHeaders.forEnvironment(environment).headers()).isSameAs(headers);
        assertThatThrownBy(() -> headers.add(new HeaderField("X-Extra", "1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void api_answers_may_not_be_stored() {
        assertThat(SecurityHeaders.API_CACHE_CONTROL).isEqualTo(new HeaderField("Cache-Control", "no-store"));
    }

    @Test
    void the_headers_naming_the_server_software_are_to_be_removed() {
        assertThat(SecurityHeaders.REMOVED_HEADERS).containsExactly("X-Powered-By", "Server");
    }

    @Test
    void no_header_to_set_is_one_to_remove() {
        assertThat(SecurityHeaders.forEnvironment(Environment.PRODUCTION).headers())
                .extracting(HeaderField::name)
                .doesNotContainAnyElementsOf(SecurityHeaders.REMOVED_HEADERS);
    }

    private static Optional<String> value(Environment environment, String name) {
        return SecurityHeaders.forEnvironment(environment).headers().stream()
                .filter(header -> header.name().equals(name))
                .map(HeaderField::value)
                .findFirst();
    }
}
