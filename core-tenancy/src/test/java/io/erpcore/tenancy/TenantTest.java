package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

    private static final TenantId ID = TenantId.random();
    private static final Instant CREATED = Instant.parse("2025-03-01T09:30:00Z");

    private static Tenant tenant(String slug, String name, Optional<Integer> rateLimitMax) {
        return new Tenant(ID, slug, name, TenantStatus.ACTIVE, rateLimitMax, CREATED);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "7", "acme", "acme-corp", "a-b-c", "x1-2y", "acme2025"})
    void accepts_a_lower_case_dns_label_as_slug(String slug) {
        assertThat(tenant(slug, "Acme", Optional.empty()).slug()).isEqualTo(slug);
    }

    @Test
    void accepts_a_slug_of_63_characters() {
        String slug = "a".repeat(63);

        assertThat(tenant(slug, "Acme", Optional.empty()).slug()).hasSize(63);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "Acme", "-acme", "acme-", "acme_corp", "acme corp", "acme.corp", "äcme", " acme"})
    void refuses_a_slug_that_is_not_a_lower_case_dns_label(String slug) {
        assertThatThrownBy(() -> tenant(slug, "Acme", Optional.empty()))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageStartingWith("'slug' must be 1 to 63 lower-case letters")
                .hasMessageEndingWith("but was '" + slug + "'");
    }

    @Test
    void refuses_a_slug_of_64_characters() {
        assertThatThrownBy(() -> tenant("a".repeat(64), "Acme", Optional.empty()))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageContaining("'slug'");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n"})
    void refuses_a_blank_name(String name) {
        assertThatThrownBy(() -> tenant("acme", name, Optional.empty()))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessageStartingWith("'name' must not be blank");
    }

    @Test
    void accepts_a_name_of_200_characters_counting_emoji_as_one() {
        String name = "\uD83D\uDE00".repeat(200);

        assertThat(tenant("acme", name, Optional.empty()).name()).isEqualTo(name);
    }

    @Test
    void refuses_a_name_of_201_characters() {
        assertThatThrownBy(() -> tenant("acme", "n".repeat(201), Optional.empty()))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessage("'name' must be at most 200 characters but was 201 characters long");
    }

    @Test
    void accepts_a_rate_limit_of_one() {
        assertThat(tenant("acme", "Acme", Optional.of(1)).rateLimitMax()).contains(1);
    }

    @Test
    void refuses_a_rate_limit_below_one() {
        assertThatThrownBy(() -> tenant("acme", "Acme", Optional.of(0)))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessage("'rateLimitMax' must be at least 1 but was 0");
    }

    @Test
    void refuses_a_missing_field() {
        assertThatThrownBy(() -> new Tenant(ID, "acme", "Acme", null, Optional.empty(), CREATED))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("status");
    }

    @Test
    void an_active_tenant_is_active() {
        assertThat(Tenants.active("acme").isActive()).isTrue();
    }

    @Test
    void a_suspended_tenant_is_not_active() {
        assertThat(Tenants.suspended("acme").isActive()).isFalse();
    }
}
