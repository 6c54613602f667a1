package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a"));
    private static final String WELL_FORMED = "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void the_tenant_and_prefix_come_back_out_of_a_generated_key() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(ApiKeys.parse(key.key())).contains(new ApiKeyParts(TENANT, key.prefix()));
    }

    @Test
    void a_key_is_erp1_the_tenant_a_ten_character_prefix_and_43_characters_of_base64url() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(key.key()).hasSize(82).matches("erp1_PyuMHg1KTI6bei8ebVxLOg_[a-z0-9]{10}_[A-Za-z0-9_-]{43}");
        assertThat(key.key().substring(28, 38)).isEqualTo(key.prefix());
    }

    @Test
    void the_stored_hash_is_the_lower_hex_sha256_of_the_whole_key() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(key.hash()).matches("[0-9a-f]{64}").isEqualTo(ApiKeys.hash(key.key()))
                .isEqualTo(RefreshTokens.hash(key.key()));
    }

    @Test
    void a_key_matches_its_stored_hash() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(ApiKeys.matches(key.key(), key.hash())).isTrue();
    }

    @Test
    void a_key_does_not_match_another_keys_hash() {
        assertThat(ApiKeys.matches(ApiKeys.generate(TENANT).key(), ApiKeys.generate(TENANT).hash())).isFalse();
    }

    @Test
    void missing_keys_or_hashes_match_nothing() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(ApiKeys.matches(null, key.hash())).isFalse();
        assertThat(ApiKeys.matches(key.key(), null)).isFalse();
        assertThat(ApiKeys.matches(key.key(), "")).isFalse();
        assertThat(ApiKeys.matches(key.key(), key.hash().toUpperCase(Locale.ROOT))).isFalse();
    }

    @Test
    void two_keys_for_one_tenant_differ_in_prefix_and_secret() {
        NewApiKey first = ApiKeys.generate(TENANT);
        NewApiKey second = ApiKeys.generate(TENANT);

        assertThat(first.prefix()).isNotEqualTo(second.prefix());
        assertThat(first.key().substring(39)).isNotEqualTo(second.key().substring(39));
    }

    @Test
    void to_string_shows_prefix_and_hash_but_not_the_key() {
        NewApiKey key = ApiKeys.generate(TENANT);

        assertThat(key.toString()).contains(key.prefix(), key.hash()).doesNotContain(key.key())
                .doesNotContain(key.key().substring(39));
    }

    @Test
    void the_well_formed_key_the_malformed_cases_vary_parses() {
        assertThat(ApiKeys.parse(WELL_FORMED)).contains(new ApiKeyParts(TENANT, "abc123xyz0"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "erp1_",
        "erp2_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxL*g_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOh_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_ABC123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xy-0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
        "erp1_PyuMHg1KTI6bei8ebVxLOg_abc123xyz00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void anything_malformed_has_no_parts(String key) {
        assertThat(ApiKeys.parse(key)).isEmpty();
    }

    @Test
    void a_ten_kilobyte_string_has_no_parts() {
        assertThat(ApiKeys.parse("erp1_" + "a".repeat(10 * 1024))).isEmpty();
    }
}
