package io.erpcore.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EncryptedColumnTest {

    @Test
    void is_written_table_dot_column() {
        assertThat(EncryptedColumn.of("users", "phone")).hasToString("users.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Users", "users.phone", "1users", "user s", "ü"})
    void refuses_a_name_that_is_no_lower_case_sql_identifier(String name) {
        assertThatThrownBy(() -> EncryptedColumn.of(name, "phone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'table' of an encrypted column must be a lower-case SQL identifier");
        assertThatThrownBy(() -> EncryptedColumn.of("users", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'column' of an encrypted column");
    }

    @Test
    void refuses_a_name_longer_than_postgresql_allows() {
        assertThat(EncryptedColumn.of("t".repeat(63), "phone").table()).hasSize(63);
        assertThatThrownBy(() -> EncryptedColumn.of("t".repeat(64), "phone"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
