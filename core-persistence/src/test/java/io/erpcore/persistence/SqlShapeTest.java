package io.erpcore.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlShapeTest {

    @Test
    void quoted_literals_and_numbers_become_placeholders() {
        assertThat(SqlShape.of("select * from users where email = 'bob@example.com' and age > 42 limit 10").text())
                .isEqualTo("select * from users where email = ? and age > ? limit ?");
    }

    @Test
    void quotes_inside_literals_do_not_end_them() {
        assertThat(SqlShape.of("select 'it''s secret' from t").text()).isEqualTo("select ? from t");
    }

    @Test
    void digits_inside_names_stay() {
        assertThat(SqlShape.of("select v2 from table1").text()).isEqualTo("select v2 from table1");
    }

    @Test
    void whitespace_collapses_to_one_line() {
        assertThat(SqlShape.of("select id\n   from users\n\twhere x = :y").text()).isEqualTo("select id from users where x = :y");
    }

    @Test
    void long_statements_are_cut() {
        assertThat(SqlShape.of("select " + "a, ".repeat(400) + "b from t").text()).hasSize(503).endsWith("...");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "select id from users where tenant_id = ? | select | users",
        "INSERT INTO audit_events (seq) values (?) | insert | audit_events",
        "update api_keys set revoked_at = now() | update | api_keys",
        "delete from refresh_tokens where id = ? | delete | refresh_tokens",
        "select count(*) from public.users u join tenants t on t.id = u.tenant_id | select | public.users",
        "select 1 | select | none",
        "with recent as (select 1) select * from recent | with | recent"})
    void names_the_operation_and_the_first_table(String sql, String operation, String table) {
        SqlShape shape = SqlShape.of(sql);

        assertThat(shape.operation()).isEqualTo(operation);
        assertThat(shape.table()).isEqualTo(table);
    }
}
