package io.erpcore.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private final Redactor redactor = Redactor.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"password", "passwd", "pwd", "secret", "token", "authorization", "cookie", "apikey"})
    void masks_every_default_key(String key) {
        assertThat(redactor.redact(Map.of(key, "s3cr3t"))).containsExactly(Map.entry(key, Redactor.MASK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refreshToken", "accessToken", "client_secret", "x-api-key", "Set-Cookie", "dbPassword",
            "API_KEY", "Authorization", "db.pwd", "PASSWORD"})
    void masks_keys_that_contain_a_default_key_in_any_case_and_spelling(String key) {
        assertThat(redactor.redact(Map.of(key, "s3cr3t"))).containsEntry(key, Redactor.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"author", "user", "tenantId", "email", "auth", "pass", "key"})
    void leaves_ordinary_keys_alone(String key) {
        assertThat(redactor.redact(Map.of(key, "visible"))).containsEntry(key, "visible");
    }

    @Test
    void masks_keys_that_merely_contain_a_fragment_such_as_token_count() {
        // Documented price of substring matching: better a hidden count than a leaked secret.
        assertThat(redactor.isSensitive("tokenCount")).isTrue();
    }

    @Test
    void masks_extra_keys_normalised_like_the_defaults() {
        Redactor withExtras = Redactor.withExtraKeys(List.of("credit_card", "SSN"));

        Map<String, Object> context = Map.of(
                "creditCard", "4111", "customer.ssn", "123", "password", "x", "name", "Bob");

        assertThat(withExtras.redact(context))
                .containsEntry("creditCard", Redactor.MASK)
                .containsEntry("customer.ssn", Redactor.MASK)
                .containsEntry("password", Redactor.MASK)
                .containsEntry("name", "Bob");
    }

    @Test
    void ignores_blank_extra_keys_which_would_mask_everything() {
        Redactor withBlank = Redactor.withExtraKeys(List.of("", " ", "-_."));

        assertThat(withBlank.redact(Map.of("name", "Bob"))).containsEntry("name", "Bob");
    }

    @Test
    void keeps_the_order_of_the_input_and_leaves_null_values_null() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("z", 1);
        context.put("password", null);
        context.put("a", null);

        assertThat(redactor.redact(context)).containsExactly(
                Map.entry("z", 1), new SimpleEntry<>("password", null), new SimpleEntry<>("a", null));
    }

    @Test
    void masks_inside_nested_maps() {
        Map<String, Object> context = Map.of("db", Map.of("host", "pg", "credentials", Map.of("password", "x")));

        assertThat(redactor.redact(context)).isEqualTo(
                Map.of("db", Map.of("host", "pg", "credentials", Map.of("password", Redactor.MASK))));
    }

    @Test
    void masks_a_whole_value_under_a_sensitive_key_even_when_it_is_a_map() {
        assertThat(redactor.redact(Map.of("secret", Map.of("a", 1)))).containsEntry("secret", Redactor.MASK);
    }

    @Test
    void masks_maps_inside_lists_and_arrays() {
        Map<String, Object> context = Map.of(
                "users", List.of(Map.of("name", "a", "token", "t1"), "plain"),
                "clients", new Object[] {Map.of("client_secret", "s")});

        Map<String, Object> redacted = redactor.redact(context);

        assertThat(redacted.get("users")).isEqualTo(List.of(Map.of("name", "a", "token", Redactor.MASK), "plain"));
        assertThat(redacted.get("clients")).isEqualTo(List.of(Map.of("client_secret", Redactor.MASK)));
    }

    @Test
    void never_changes_its_input() {
        Map<String, Object> nested = new HashMap<>(Map.of("password", "x"));
        List<Object> list = new ArrayList<>(List.of(new HashMap<>(Map.of("token", "t"))));
        Map<String, Object> context = new HashMap<>(Map.of("password", "p", "nested", nested, "list", list));

        redactor.redact(context);

        assertThat(context).isEqualTo(Map.of("password", "p", "nested", Map.of("password", "x"),
                "list", List.of(Map.of("token", "t"))));
    }

    @Test
    void returns_a_copy_that_cannot_be_changed() {
        Map<String, Object> redacted = redactor.redact(Map.of("nested", Map.of("a", 1)));

        assertThatThrownBy(() -> redacted.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) redacted.get("nested");
        assertThatThrownBy(() -> nested.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void cuts_off_containers_nested_more_than_sixteen_levels_deep() {
        Map<String, Object> context = nest(20, Map.of("leaf", 1));

        Object value = redactor.redact(context);
        for (int level = 0; level < 16; level++) {
            value = ((Map<?, ?>) value).get("child");
        }

        assertThat(value).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) value).get("child")).isEqualTo("[TOO DEEP]");
    }

    @Test
    void survives_nesting_far_deeper_than_the_stack() {
        assertThat(redactor.redact(nest(100_000, Map.of()))).containsKey("child");
    }

    @Test
    void marks_a_map_that_contains_itself_instead_of_recursing() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        cyclic.put("password", "x");

        Map<String, Object> redacted = redactor.redact(Map.of("cyclic", cyclic));

        assertThat(redacted.get("cyclic")).isEqualTo(Map.of("self", Redactor.CYCLE, "password", Redactor.MASK));
    }

    @Test
    void treats_a_null_map_as_empty() {
        assertThat(redactor.redact(null)).isEmpty();
    }

    private static Map<String, Object> nest(int levels, Map<String, Object> leaf) {
        Map<String, Object> map = leaf;
        for (int level = 0; level < levels; level++) {
            map = Map.of("child", map);
        }
        return map;
    }
}
