package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokensTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("3f2b8c1e-0d4a-4c8e-9b7a-2f1e6d5c4b3a"));

    @Test
    void the_tenant_comes_back_out_of_a_generated_token() {
        OpaqueCredential credential = RefreshTokens.generate(TENANT);

        assertThat(RefreshTokens.tenantOf(credential.token())).contains(TENANT);
    }

    @Test
    void a_token_is_rt1_the_tenant_and_43_characters_of_base64url() {
        String token = RefreshTokens.generate(TENANT).token();

        assertThat(token).hasSize(70).matches("rt1_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{43}");
        assertThat(token.substring(4, 26)).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(16)
                        .putLong(TENANT.value().getMostSignificantBits())
                        .putLong(TENANT.value().getLeastSignificantBits()).array()));
    }

    @Test
    void the_stored_hash_is_the_lower_hex_sha256_of_the_token() {
        OpaqueCredential credential = RefreshTokens.generate(TENANT);

        assertThat(credential.hash()).matches("[0-9a-f]{64}").isEqualTo(RefreshTokens.hash(credential.token()));
    }

    @Test
    void the_hash_matches_a_known_answer() {
        // printf 'abc' | sha256sum
        assertThat(RefreshTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void two_tokens_for_one_tenant_differ() {
        assertThat(RefreshTokens.generate(TENANT).token()).isNotEqualTo(RefreshTokens.generate(TENANT).token());
    }

    @Test
    void to_string_shows_the_hash_but_not_the_token() {
        OpaqueCredential credential = RefreshTokens.generate(TENANT);

        assertThat(credential.toString()).contains(credential.hash()).doesNotContain(credential.token())
                .doesNotContain(credential.token().substring(27));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "rt1_",
        "rt2_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "RT1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxL!g_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOg.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
        "rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
        " rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void anything_malformed_has_no_tenant(String token) {
        assertThat(RefreshTokens.tenantOf(token)).isEmpty();
    }

    @Test
    void the_well_formed_token_the_malformed_cases_vary_has_a_tenant() {
        // Guards the cases above: each differs from this one in a single defect.
        assertThat(RefreshTokens.tenantOf("rt1_PyuMHg1KTI6bei8ebVxLOg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .contains(TENANT);
    }

    @Test
    void a_ten_kilobyte_string_has_no_tenant() {
        assertThat(RefreshTokens.tenantOf("rt1_" + "A".repeat(10 * 1024))).isEmpty();
    }
}
