package io.erpcore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void labels_with_the_same_pairs_are_equal_and_hash_alike() {
        Labels one = Labels.of("method", "GET", "path", "/users");
        Labels two = Labels.of("method", new String("GET"), "path", "/users");

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    }

    @Test
    void labels_keep_the_order_they_were_given_in() {
        Labels labels = Labels.of("z", "1", "a", "2", "m", "3", "b", "4");

        assertThat(labels.size()).isEqualTo(4);
        assertThat(labels.name(0)).isEqualTo("z");
        assertThat(labels.value(3)).isEqualTo("4");
        assertThat(labels.asMap()).containsExactly(
                Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "3"), Map.entry("b", "4"));
    }

    @Test
    void the_order_of_pairs_is_part_of_the_identity() {
        assertThat(Labels.of("a", "1", "b", "2")).isNotEqualTo(Labels.of("b", "2", "a", "1"));
    }

    @Test
    void labels_from_a_map_are_sorted_by_name_so_equal_maps_give_equal_labels() {
        Labels labels = Labels.from(Map.of("tenant", "t1", "method", "GET", "path", "/x"));

        assertThat(labels).isEqualTo(Labels.of("method", "GET", "path", "/x", "tenant", "t1"));
    }

    @Test
    void with_replaces_a_present_label_and_appends_a_new_one() {
        Labels labels = Labels.of("queue", "mail", "outcome", "success");

        assertThat(labels.with("outcome", "failure")).isEqualTo(Labels.of("queue", "mail", "outcome", "failure"));
        assertThat(labels.with("shard", "2")).isEqualTo(Labels.of("queue", "mail", "outcome", "success", "shard", "2"));
        assertThat(labels).isEqualTo(Labels.of("queue", "mail", "outcome", "success"));
    }

    @Test
    void get_finds_a_value_by_name() {
        Labels labels = Labels.of("method", "GET");

        assertThat(labels.get("method")).isEqualTo("GET");
        assertThat(labels.get("path")).isNull();
    }

    @Test
    void a_null_name_or_value_is_refused() {
        assertThatThrownBy(() -> Labels.of("method", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("label value");
        assertThatThrownBy(() -> Labels.of(null, "GET")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("label name");
    }

    @Test
    void labels_print_like_prometheus() {
        assertThat(MeterId.of("http_requests_total", Labels.of("method", "GET", "status_code", "200")))
                .hasToString("http_requests_total{method=\"GET\",status_code=\"200\"}");
    }
}
