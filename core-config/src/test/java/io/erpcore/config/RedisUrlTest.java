package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUrlTest {

    private static final String PASSWORD = "s3cr3t-Pa55";

    @Test
    void reads_a_url_with_a_password_and_no_user() {
        RedisUrl url = RedisUrl.parse("redis://:" + PASSWORD + "@cache:6380/2");

        assertThat(url.tls()).isFalse();
        assertThat(url.host()).isEqualTo("cache");
        assertThat(url.port()).isEqualTo(6380);
        assertThat(url.database()).isEqualTo(2);
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).map(Secret::reveal).contains(PASSWORD);
    }

    @Test
    void reads_a_user_and_a_password() {
        RedisUrl url = RedisUrl.parse("redis://worker:pw@cache");

        assertThat(url.user()).contains("worker");
        assertThat(url.password()).map(Secret::reveal).contains("pw");
    }

    @Test
    void reads_text_without_a_colon_before_the_at_as_a_user() {
        RedisUrl url = RedisUrl.parse("redis://worker@cache");

        assertThat(url.user()).contains("worker");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void uses_port_6379_and_database_0_when_the_url_gives_neither() {
        RedisUrl url = RedisUrl.parse("redis://cache");

        assertThat(url.port()).isEqualTo(6379);
        assertThat(url.database()).isZero();
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
    }

    @Test
    void reads_database_0_from_a_bare_slash() {
        assertThat(RedisUrl.parse("redis://cache:6379/").database()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 16, Integer.MAX_VALUE})
    void reads_any_non_negative_database_number(int database) {
        assertThat(RedisUrl.parse("redis://cache/" + database).database()).isEqualTo(database);
    }

    @Test
    void turns_tls_on_for_the_rediss_scheme() {
        RedisUrl url = RedisUrl.parse("rediss://:pw@cache.example.com:6380/0");

        assertThat(url.tls()).isTrue();
        assertThat(url.host()).isEqualTo("cache.example.com");
    }

    @Test
    void accepts_the_scheme_in_any_case_and_surrounding_whitespace() {
        assertThat(RedisUrl.parse("  REDISS://cache \n").tls()).isTrue();
        assertThat(RedisUrl.parse("Redis://cache").tls()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p%40ss | p@ss",
        "p%2Fss | p/ss",
        "p%3Ass | p:ss",
        "p%25ss | p%ss",
        "a+b | a+b",
        "%40%2F%3A%25 | @/:%"})
    void decodes_a_percent_encoded_password(String encoded, String decoded) {
        assertThat(RedisUrl.parse("redis://:" + encoded + "@cache").password()).map(Secret::reveal).contains(decoded);
    }

    @Test
    void decodes_a_percent_encoded_user() {
        assertThat(RedisUrl.parse("redis://team%40eu:pw@cache").user()).contains("team@eu");
    }

    @Test
    void reads_an_ipv6_host_with_a_port_and_keeps_it_without_brackets() {
        RedisUrl url = RedisUrl.parse("redis://[2001:db8::7]:6380/1");

        assertThat(url.host()).isEqualTo("2001:db8::7");
        assertThat(url.port()).isEqualTo(6380);
    }

    @Test
    void reads_an_ipv6_host_without_a_port() {
        RedisUrl url = RedisUrl.parse("redis://:pw@[::1]");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(6379);
    }

    @Test
    void masks_the_password_in_to_string() {
        assertThat(RedisUrl.parse("redis://:" + PASSWORD + "@cache")).hasToString("redis://:******@cache:6379/0");
    }

    @Test
    void writes_the_user_and_the_masked_password_in_to_string() {
        assertThat(RedisUrl.parse("rediss://team%40eu:" + PASSWORD + "@cache:6380/3"))
                .hasToString("rediss://team%40eu:******@cache:6380/3");
    }

    @Test
    void writes_no_credentials_in_to_string_when_there_are_none() {
        assertThat(RedisUrl.parse("redis://cache")).hasToString("redis://cache:6379/0");
        assertThat(RedisUrl.parse("redis://worker@cache")).hasToString("redis://worker@cache:6379/0");
    }

    @Test
    void writes_ipv6_hosts_in_brackets_in_to_string() {
        assertThat(RedisUrl.parse("rediss://:pw@[::1]/4")).hasToString("rediss://:******@[::1]:6379/4");
    }

    @Test
    void never_shows_an_encoded_password_in_to_string() {
        assertThat(RedisUrl.parse("redis://:s3cr3t%2FPa55@cache").toString()).doesNotContain("s3cr3t").doesNotContain("Pa55");
    }

    @Test
    void equal_urls_are_equal() {
        assertThat(RedisUrl.parse("redis://:pw@cache")).isEqualTo(RedisUrl.parse("redis://:pw@cache:6379/0"));
    }

    @Test
    void builds_from_its_components() {
        RedisUrl url = new RedisUrl(false, "cache", 6379, 0, Optional.empty(), Optional.of(Secret.of(PASSWORD)));

        assertThat(url).hasToString("redis://:******@cache:6379/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cache:6379", "http://cache", "redis:/cache", "valkey://cache", "redis+sentinel://cache",
        "rediss:cache"})
    void refuses_a_wrong_scheme(String text) {
        assertThatThrownBy(() -> RedisUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must start with redis:// or rediss:// (TLS)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://", "redis://:pw@", "redis://:6379", "redis://:pw@/0", "rediss://:pw@:6380/0"})
    void refuses_a_missing_host(String text) {
        assertThatThrownBy(() -> RedisUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must name a host, as in redis://:password@cache:6379/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cache:0", "cache:65536", "cache:port", "cache:", "[::1]:99999"})
    void refuses_a_port_outside_1_to_65535(String hostAndPort) {
        assertThatThrownBy(() -> RedisUrl.parse("redis://" + hostAndPort + "/0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must have a port from 1 to 65535 after the host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "1.5", "2147483648", "99999999999", "0/1", " 1", "+1"})
    void refuses_a_database_that_is_not_a_non_negative_whole_number(String database) {
        assertThatThrownBy(() -> RedisUrl.parse("redis://cache:6379/" + database))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must end with a database number of 0 or more after the host, as in redis://:password@cache:6379/0");
    }

    @Test
    void refuses_a_negative_database_number_from_its_components() {
        assertThatThrownBy(() -> new RedisUrl(false, "cache", 6379, -1, Optional.empty(), Optional.empty()))
                .hasMessageStartingWith("must end with a database number of 0 or more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://cache:6379/0?timeout=5s", "redis://cache?db=1"})
    void refuses_query_parameters(String text) {
        assertThatThrownBy(() -> RedisUrl.parse(text))
                .hasMessage("must not have query parameters: redis://[user][:password]@host[:port][/db]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:p@ss@cache", "redis://:pa/ss@cache/0", "redis://:pa?ss@cache"})
    void refuses_unencoded_reserved_characters_in_the_password(String text) {
        assertThatThrownBy(() -> RedisUrl.parse(text))
                .hasMessageContaining("percent-encode reserved characters")
                .hasMessageContaining("@ as %40");
    }

    @Test
    void refuses_an_unclosed_ipv6_bracket() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://[::1:6379/0"))
                .hasMessage("must close the bracket around an IPv6 host, as in [2001:db8::1]");
    }

    @Test
    void refuses_several_hosts() {
        assertThatThrownBy(() -> RedisUrl.parse("redis://cache1,cache2/0"))
                .hasMessageStartingWith("must name the host with letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p%zz", "50%", "%FF"})
    void refuses_a_malformed_percent_escape(String password) {
        assertThatThrownBy(() -> RedisUrl.parse("redis://:" + password + "@cache"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://:s3cr3t-Pa55@cache",
        "redis://:s3cr3t-Pa55@",
        "redis://:s3cr3t-Pa55@cache:0",
        "redis://:s3cr3t-Pa55@cache/x",
        "redis://:s3cr3t-Pa55@cache?x=1",
        "redis://:s3cr3t@Pa55@cache",
        "redis://:s3cr3t/Pa55@cache",
        "redis://:s3cr3t%zzPa55@cache",
        "redis://:s3cr3t%FFPa55@cache",
        "redis://:s3cr3t-Pa55@[::1",
        "redis://s3cr3t-Pa55:s3cr3t-Pa55/0",
        "redis://:s3cr3t-Pa55@cache/s3cr3t-Pa55"})
    void never_shows_the_password_in_errors(String text) {
        IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> RedisUrl.parse(text));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).doesNotContain("s3cr3t").doesNotContain("Pa55");
        assertThat(error.getCause()).isNull();
    }
}
