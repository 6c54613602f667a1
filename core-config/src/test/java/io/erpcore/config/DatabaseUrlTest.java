package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.erpcore.config.DatabaseUrl.HostAndPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String PASSWORD = "s3cr3t-Pa55";
    private static final String SEED = "postgresql://erp_app:" + PASSWORD + "@db:5432/erp?sslmode=require";

    @Test
    void reads_the_seed_form_into_a_jdbc_url_and_separate_credentials() {
        DatabaseUrl url = DatabaseUrl.parse(SEED);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp?sslmode=require");
        assertThat(url.user()).isEqualTo("erp_app");
        assertThat(url.password()).map(Secret::reveal).contains(PASSWORD);
        assertThat(url.hosts()).containsExactly(new HostAndPort("db", 5432));
        assertThat(url.database()).isEqualTo("erp");
        assertThat(url.parameters()).containsExactly(entry("sslmode", "require"));
    }

    @Test
    void accepts_postgres_as_an_alias_of_the_postgresql_scheme() {
        assertThat(DatabaseUrl.parse("postgres://erp_app:pw@db:5432/erp").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/erp");
    }

    @Test
    void accepts_the_scheme_in_any_case_and_surrounding_whitespace() {
        assertThat(DatabaseUrl.parse("  PostgreSQL://erp_app:pw@db/erp\n").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/erp");
    }

    @Test
    void uses_port_5432_when_the_url_gives_none() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@db/erp").hosts())
                .containsExactly(new HostAndPort("db", 5432));
    }

    @Test
    void reads_the_port_the_url_gives() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@db:6543/erp").hosts())
                .containsExactly(new HostAndPort("db", 6543));
    }

    @Test
    void decodes_a_percent_encoded_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:p%40ss%2Fw%3Ard@db:5432/erp");

        assertThat(url.password()).map(Secret::reveal).contains("p@ss/w:rd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a%40b | a@b",
        "a%2Fb | a/b",
        "a%2fb | a/b",
        "a%3Ab | a:b",
        "a%25b | a%b",
        "a%3Fb | a?b",
        "a%23b | a#b",
        "%C3%A9t%C3%A9 | été",
        "%40%2F%3A%25 | @/:%"})
    void decodes_each_percent_escape_in_the_password(String encoded, String decoded) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:" + encoded + "@db/erp");

        assertThat(url.password()).map(Secret::reveal).contains(decoded);
    }

    @Test
    void keeps_a_plus_sign_in_the_password_instead_of_reading_a_space() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:a+b@db/erp");

        assertThat(url.password()).map(Secret::reveal).contains("a+b");
    }

    @Test
    void keeps_a_colon_after_the_first_in_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:a:b@db/erp");

        assertThat(url.password()).map(Secret::reveal).contains("a:b");
    }

    @Test
    void decodes_the_user_and_the_database_name() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp%2Bapp:pw@db/erp%20main");

        assertThat(url.user()).isEqualTo("erp+app");
        assertThat(url.database()).isEqualTo("erp main");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp%20main");
    }

    @Test
    void has_no_password_when_the_url_gives_none() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app@db/erp").password()).isEmpty();
        assertThat(DatabaseUrl.parse("postgresql://erp_app:@db/erp").password()).isEmpty();
    }

    @Test
    void reads_an_ipv6_host_with_a_port() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@[2001:db8::10]:6543/erp").hosts())
                .containsExactly(new HostAndPort("2001:db8::10", 6543));
    }

    @Test
    void reads_an_ipv6_host_without_a_port() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@[::1]/erp").hosts())
                .containsExactly(new HostAndPort("::1", 5432));
    }

    @Test
    void keeps_ipv6_hosts_in_brackets_in_the_jdbc_url() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@[::1]/erp").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/erp");
    }

    @Test
    void reads_several_hosts_in_the_order_written() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db1:5432,db2:5433,[::1],db3/erp");

        assertThat(url.hosts()).containsExactly(new HostAndPort("db1", 5432), new HostAndPort("db2", 5433),
                new HostAndPort("::1", 5432), new HostAndPort("db3", 5432));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5433,[::1]:5432,db3:5432/erp");
    }

    @Test
    void passes_libpq_parameters_pgjdbc_shares_through_unchanged() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db/erp"
                + "?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt&target_session_attrs=read-write");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp"
                + "?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Froot.crt&target_session_attrs=read-write");
    }

    @Test
    void translates_libpq_parameter_names_pgjdbc_spells_differently() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?application_name=erp-core&connect_timeout=10");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp?ApplicationName=erp-core&connectTimeout=10");
    }

    @Test
    void keeps_the_libpq_parameter_names_in_its_parameters_and_to_string() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?application_name=erp-core");

        assertThat(url.parameters()).containsExactly(entry("application_name", "erp-core"));
        assertThat(url).hasToString("postgresql://erp_app:******@db:5432/erp?application_name=erp-core");
    }

    @Test
    void keeps_parameters_in_the_order_written_with_decoded_values() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?sslmode=require&options=-c%20search_path%3Derp&a=1");

        assertThat(url.parameters()).containsExactly(
                entry("sslmode", "require"), entry("options", "-c search_path=erp"), entry("a", "1"));
    }

    @Test
    void encodes_parameter_values_with_spaces_and_reserved_characters_in_the_jdbc_url() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:pw@db/erp"
                + "?options=-c%20search_path%3Derp,public&application_name=erp+core%26co%C3%A9");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp"
                + "?options=-c%20search_path%3Derp%2Cpublic&ApplicationName=erp%2Bcore%26co%C3%A9");
    }

    @Test
    void skips_empty_query_pairs() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?&sslmode=require&").parameters())
                .containsExactly(entry("sslmode", "require"));
    }

    @Test
    void allows_an_at_sign_in_a_query_parameter_value() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?application_name=erp@eu").parameters())
                .containsExactly(entry("application_name", "erp@eu"));
    }

    @Test
    void takes_the_user_and_password_from_the_query_when_the_url_has_none() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db/erp?user=erp_app&password=p%40ss&sslmode=require");

        assertThat(url.user()).isEqualTo("erp_app");
        assertThat(url.password()).map(Secret::reveal).contains("p@ss");
        assertThat(url.parameters()).containsExactly(entry("sslmode", "require"));
    }

    @Test
    void takes_only_the_password_from_the_query_when_the_url_names_just_the_user() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app@db/erp?password=pw");

        assertThat(url.user()).isEqualTo("erp_app");
        assertThat(url.password()).map(Secret::reveal).contains("pw");
    }

    @Test
    void prefers_credentials_before_the_host_over_those_in_the_query() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:first@db/erp?user=other&password=second");

        assertThat(url.user()).isEqualTo("erp_app");
        assertThat(url.password()).map(Secret::reveal).contains("first");
        assertThat(url.parameters()).isEmpty();
    }

    @Test
    void never_puts_credentials_in_the_jdbc_url() {
        DatabaseUrl fromUserinfo = DatabaseUrl.parse(SEED);
        DatabaseUrl fromQuery = DatabaseUrl.parse("postgresql://db/erp?user=erp_app&password=" + PASSWORD);

        assertThat(fromUserinfo.jdbcUrl()).doesNotContain(PASSWORD).doesNotContain("erp_app");
        assertThat(fromQuery.jdbcUrl()).doesNotContain(PASSWORD).doesNotContain("erp_app");
    }

    @Test
    void masks_the_password_in_to_string() {
        assertThat(DatabaseUrl.parse(SEED)).hasToString("postgresql://erp_app:******@db:5432/erp?sslmode=require");
    }

    @Test
    void masks_a_password_given_in_the_query_in_to_string() {
        assertThat(DatabaseUrl.parse("postgres://db/erp?password=" + PASSWORD + "&user=erp_app"))
                .hasToString("postgresql://erp_app:******@db:5432/erp");
    }

    @Test
    void writes_no_mask_in_to_string_when_there_is_no_password() {
        assertThat(DatabaseUrl.parse("postgresql://erp_app@[::1]:6543/erp"))
                .hasToString("postgresql://erp_app@[::1]:6543/erp");
    }

    @Test
    void re_encodes_the_user_and_database_in_to_string() {
        assertThat(DatabaseUrl.parse("postgresql://erp%40app:p%40ss@db/erp%2Fmain"))
                .hasToString("postgresql://erp%40app:******@db:5432/erp%2Fmain");
    }

    @Test
    void never_shows_an_encoded_password_in_to_string() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://erp_app:s3cr3t%40Pa55@db/erp");

        assertThat(url.toString()).doesNotContain("s3cr3t").doesNotContain("Pa55");
        assertThat(url.hosts().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void keeps_its_parameters_unmodifiable() {
        DatabaseUrl url = DatabaseUrl.parse(SEED);

        assertThatThrownBy(() -> url.parameters().put("sslmode", "disable"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equal_urls_are_equal() {
        assertThat(DatabaseUrl.parse(SEED)).isEqualTo(DatabaseUrl.parse(SEED.replace("postgresql:", "postgres:")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "mysql://erp_app:pw@db/erp", "http://db/erp", "postgresql:/db/erp",
        "postgresql:db/erp", "jdbc:postgresql://db:5432/erp", "db:5432/erp"})
    void refuses_a_wrong_scheme(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must start with postgresql:// or postgres://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://erp_app:pw@/erp", "postgresql:///erp?user=erp_app",
        "postgresql://erp_app:pw@:5432/erp", "postgresql://erp_app:pw@db1,,db2/erp", "postgresql://erp_app:pw@db1,/erp"})
    void refuses_a_missing_host(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must name a host, as in postgresql://user:pass@host:5432/erp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db%2Fsocket", "db!", "dé"})
    void refuses_characters_no_host_name_has(String host) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@" + host + "/erp"))
                .hasMessageStartingWith("must name the host with letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:0", "db:65536", "db:99999999", "db:port", "db:", "db:-1", "db:+5432", "[::1]:", "[::1]x",
        "[::1]:70000"})
    void refuses_a_port_outside_1_to_65535(String hostAndPort) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@" + hostAndPort + "/erp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must have a port from 1 to 65535 after the host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:1", "db:65535"})
    void accepts_the_ports_at_either_end_of_the_range(String hostAndPort) {
        assertThat(DatabaseUrl.parse("postgresql://erp_app:pw@" + hostAndPort + "/erp").jdbcUrl()).contains(hostAndPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://erp_app:pw@db", "postgresql://erp_app:pw@db:5432/",
        "postgresql://erp_app:pw@db:5432?sslmode=require", "postgresql://erp_app:pw@db/?sslmode=require"})
    void refuses_a_missing_database(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must name a database after the host, as in postgresql://user:pass@host:5432/erp");
    }

    @Test
    void refuses_an_unencoded_slash_in_the_database_name() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@db/erp/main"))
                .hasMessage("must name one database after the host; write a / in its name as %2F");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://db/erp", "postgresql://:pw@db/erp", "postgresql://db/erp?password=pw",
        "postgresql://db/erp?user=&password=pw"})
    void refuses_a_missing_user(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must name a user before the @, as in postgresql://user:pass@host:5432/erp");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://erp_app:p@ss@db/erp",
        "postgresql://erp_app:pa/ss@db/erp",
        "postgresql://erp_app:pa?ss@db/erp",
        "postgresql://erp_app:p@ss/w@db/erp",
        "postgresql://erp_app:p@ss?w@db/erp",
        "postgresql://erp_app:pa/ss@db/erp?sslmode=require"})
    void refuses_unencoded_reserved_characters_in_the_password_with_how_to_encode_them(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-encode reserved characters")
                .hasMessageContaining("@ as %40")
                .hasMessageContaining("/ as %2F")
                .hasMessageContaining(": as %3A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1/erp", "[::1:5432/erp", "db1,[::1/erp"})
    void refuses_an_unclosed_ipv6_bracket(String rest) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@" + rest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must close the bracket around an IPv6 host, as in [2001:db8::1]");
    }

    @Test
    void refuses_an_ipv6_host_without_brackets() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@::1:5432/erp"))
                .hasMessage("must put an IPv6 host in brackets, as in [2001:db8::1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[db]", "[::1%25eth0]"})
    void refuses_brackets_around_anything_but_an_ipv6_address(String host) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@" + host + "/erp"))
                .hasMessageStartingWith("must write an IPv6 host as hex digits and colons in brackets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50%off", "p%zz", "p%4", "p%", "%%41", "p%g1"})
    void refuses_a_malformed_percent_escape(String password) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:" + password + "@db/erp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must write each % in the password as %25; other escapes are % and two hex digits, as in %40 for @");
    }

    @Test
    void names_the_part_with_a_malformed_escape() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@db/erp%zz"))
                .hasMessageStartingWith("must write each % in the database name as %25");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?options=%zz"))
                .hasMessageStartingWith("must write each % in the query parameters as %25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%C3", "a%C3%28b", "%ED%A0%80"})
    void refuses_escapes_that_are_not_utf8(String password) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:" + password + "@db/erp"))
                .hasMessage("must percent-encode the password as UTF-8")
                .hasNoCause();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noequals", "=value", "sslmode=require&flag"})
    void refuses_query_parameters_that_are_not_name_value_pairs(String query) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://erp_app:pw@db/erp?" + query))
                .hasMessage("must write query parameters as name=value pairs, as in ?sslmode=require");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mysql://erp_app:s3cr3t-Pa55@db/erp",
        "postgresql://erp_app:s3cr3t-Pa55@/erp",
        "postgresql://erp_app:s3cr3t-Pa55@db:99999/erp",
        "postgresql://erp_app:s3cr3t-Pa55@db",
        "postgresql://:s3cr3t-Pa55@db/erp",
        "postgresql://db/erp?password=s3cr3t-Pa55",
        "postgresql://erp_app:s3cr3t@Pa55@db/erp",
        "postgresql://erp_app:s3cr3t/Pa55@db/erp",
        "postgresql://erp_app:s3cr3t?Pa55@db/erp",
        "postgresql://erp_app:s3cr3t%zzPa55@db/erp",
        "postgresql://erp_app:s3cr3t%FFPa55@db/erp",
        "postgresql://erp_app:s3cr3t-Pa55@[::1/erp",
        "postgresql://erp_app:s3cr3t-Pa55@::1/erp",
        "postgresql://erp_app:s3cr3t-Pa55/erp",
        "postgresql://erp_app:s3cr3t-Pa55@db/erp?s3cr3t-Pa55",
        "postgresql://erp_app:s3cr3t-Pa55@db/erp/s3cr3t-Pa55",
        "postgresql://erp_app:s3cr3t-Pa55@db!/erp"})
    void never_shows_the_password_in_errors(String text) {
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> DatabaseUrl.parse(text));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).doesNotContain("s3cr3t").doesNotContain("Pa55");
        assertThat(error.getCause()).isNull();
    }

    @Test
    void builds_from_its_components() {
        DatabaseUrl url = new DatabaseUrl(
                List.of(new HostAndPort("db", 5432)), "erp", "erp_app", Optional.empty(), Map.of());

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/erp");
    }
}
