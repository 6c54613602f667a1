package io.erpcore.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.TenantId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values an audit event is made of refuse what must never be recorded. */
class AuditValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"user.created", "api_key.revoked", "invoice.line.approved", "a1.b2"})
    void an_action_is_dot_separated_lower_case_words(String name) {
        assertThat(AuditAction.of(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user", "User.Created", "user..created", ".user", "user.created.", "user created",
            "user.créé", "1user.created"})
    void an_action_of_any_other_shape_is_refused(String name) {
        assertThatThrownBy(() -> AuditAction.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dot-separated lower-case words");
    }

    @Test
    void an_action_over_100_characters_is_refused() {
        assertThatThrownBy(() -> AuditAction.of("a." + "b".repeat(99))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwordHash", "token", "refresh_token", "secret", "keyHash", "apiKey",
            "hash"})
    void a_snapshot_refuses_keys_that_name_secrets(String key) {
        assertThatThrownBy(() -> AuditSnapshot.builder().put(key, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "' names a secret");
    }

    @Test
    void a_snapshot_keeps_an_encrypted_field_only_as_present_or_absent() {
        AuditSnapshot snapshot = AuditSnapshot.builder().encrypted("phone", true).encrypted("fax", false).build();

        Map<String, Object> expected = new HashMap<>();
        expected.put("phone", AuditSnapshot.ENCRYPTED);
        expected.put("fax", null);
        assertThat(snapshot.fields()).isEqualTo(expected);
    }

    @Test
    void a_snapshot_sorts_its_keys_and_copies_lists() {
        List<String> roles = Arrays.asList("admin", "member");
        AuditSnapshot snapshot = AuditSnapshot.builder().put("status", "active").put("roles", roles)
                .put("active", true).put("limit", 5L).build();
        roles.set(0, "owner");

        assertThat(snapshot.fields().keySet()).containsExactly("active", "limit", "roles", "status");
        assertThat(snapshot.fields().get("roles")).isEqualTo(List.of("admin", "member"));
    }

    @Test
    void a_snapshot_refuses_a_key_twice() {
        assertThatThrownBy(() -> AuditSnapshot.builder().put("status", "a").put("status", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
    }

    @Test
    void an_event_refuses_a_blank_or_over_long_resource() {
        TenantId tenant = TenantId.random();
        assertThatThrownBy(() -> AuditEvent.of(tenant, AuditAction.USER_CREATED, Optional.empty(), " ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of(tenant, AuditAction.USER_CREATED, Optional.empty(), "u".repeat(301),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak"})
    void an_event_refuses_an_unprintable_correlation_id(String id) {
        assertThatThrownBy(() -> AuditEvent.of(TenantId.random(), AuditAction.USER_CREATED, Optional.empty(),
                "users/1", Optional.of(id))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_head_reads_back_from_its_text() {
        AuditHead head = new AuditHead(42, "ab".repeat(32));

        assertThat(AuditHead.parse(head.toString())).isEqualTo(head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "42:", ":" + "ab", "-1:0000000000000000000000000000000000000000000000000000000000000000",
            "42:ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB"})
    void a_head_of_any_other_form_is_refused(String text) {
        assertThatThrownBy(() -> AuditHead.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_query_refuses_a_limit_outside_1_to_100_and_an_empty_time_range() {
        var now = java.time.Instant.now();
        assertThatThrownBy(() -> new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(now), Optional.of(now),
                Optional.empty(), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
