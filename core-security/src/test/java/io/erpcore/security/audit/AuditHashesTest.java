package io.erpcore.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditHashesTest {

    private static final TenantId TENANT = TenantId.parse("8d0f3c2a-5b1e-4f6d-9a8c-7e2b1d0c3f4a");
    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID ACTOR = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private static AuditDraft draft(Optional<UUID> actor, Optional<String> correlation, Optional<String> after) {
        return new AuditDraft(TENANT, 7, EVENT, Instant.parse("2026-03-01T09:30:00.1Z"), "user.updated", actor,
                "users/42", correlation, Optional.empty(), after, "0".repeat(64));
    }

    @Test
    void the_canonical_form_is_the_documented_netstrings_in_order() {
        String form = AuditHashes.canonical(draft(Optional.of(ACTOR), Optional.of("req-1"), Optional.of("{\"a\": 1}")));

        assertThat(form).isEqualTo("12:erp-audit-v1,64:" + "0".repeat(64) + ",36:" + TENANT + ",1:7,36:" + EVENT
                + ",27:2026-03-01T09:30:00.100000Z,12:user.updated,36:" + ACTOR + ",8:users/42,5:req-1,0:,8:{\"a\": 1},");
    }

    @Test
    void absent_fields_are_empty_netstrings() {
        String form = AuditHashes.canonical(draft(Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(form).endsWith(",12:user.updated,0:,8:users/42,0:,0:,0:,");
    }

    @Test
    void lengths_count_utf8_bytes() {
        String form = AuditHashes.canonical(draft(Optional.empty(), Optional.empty(), Optional.of("\"é\"")));

        assertThat(form).endsWith(",4:\"é\",");
    }

    @Test
    void the_default_hash_is_lower_case_hex_sha256_of_the_canonical_form() throws Exception {
        AuditDraft draft = draft(Optional.of(ACTOR), Optional.of("req-1"), Optional.empty());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(AuditHashes.canonical(draft).getBytes(StandardCharsets.UTF_8)));

        assertThat(AuditHashes.sha256().hash(draft)).isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    @Test
    void moving_text_between_fields_changes_the_hash() {
        AuditDraft one = new AuditDraft(TENANT, 1, EVENT, Instant.EPOCH, "a.b", Optional.empty(), "users/1",
                Optional.empty(), Optional.of("{}"), Optional.empty(), "0".repeat(64));
        AuditDraft other = new AuditDraft(TENANT, 1, EVENT, Instant.EPOCH, "a.b", Optional.empty(), "users/1",
                Optional.empty(), Optional.empty(), Optional.of("{}"), "0".repeat(64));

        assertThat(AuditHashes.sha256().hash(one)).isNotEqualTo(AuditHashes.sha256().hash(other));
    }
}
