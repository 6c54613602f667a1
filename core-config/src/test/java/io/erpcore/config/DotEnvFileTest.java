package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    @Test
    void reads_key_value_lines() {
        assertThat(DotEnvFile.parse("PORT=3001\nHOST=0.0.0.0\n")).containsEntry("PORT", "3001").containsEntry("HOST", "0.0.0.0");
    }

    @Test
    void skips_comments_and_blank_lines() {
        assertThat(DotEnvFile.parse("# a comment\n\n   # indented comment\nPORT=1\n")).containsOnlyKeys("PORT");
    }

    @Test
    void accepts_an_export_prefix() {
        assertThat(DotEnvFile.parse("export PORT=3001")).containsEntry("PORT", "3001");
    }

    @Test
    void trims_unquoted_values_and_spaces_around_the_equals_sign() {
        assertThat(DotEnvFile.parse("HOST =  example.org  ")).containsEntry("HOST", "example.org");
    }

    @Test
    void a_space_and_hash_start_a_comment_after_an_unquoted_value() {
        assertThat(DotEnvFile.parse("PORT=3001 # the port")).containsEntry("PORT", "3001");
    }

    @Test
    void a_hash_without_a_space_belongs_to_the_value() {
        assertThat(DotEnvFile.parse("JWT_SECRET=abc#def")).containsEntry("JWT_SECRET", "abc#def");
    }

    @Test
    void single_quotes_keep_their_content_literally() {
        assertThat(DotEnvFile.parse("A='x # y \\n z'")).containsEntry("A", "x # y \\n z");
    }

    @Test
    void double_quotes_understand_escapes() {
        assertThat(DotEnvFile.parse("A=\"tab\\there \\\"quoted\\\" back\\\\slash\"")).containsEntry("A", "tab\there \"quoted\" back\\slash");
    }

    @Test
    void double_quoted_values_may_span_lines() {
        assertThat(DotEnvFile.parse("KEY=\"line one\nline two\"\nNEXT=1")).containsEntry("KEY", "line one\nline two").containsEntry("NEXT", "1");
    }

    @Test
    void an_empty_value_is_kept_as_empty() {
        assertThat(DotEnvFile.parse("SMTP_HOST=")).containsEntry("SMTP_HOST", "");
    }

    @Test
    void a_later_line_for_the_same_key_wins() {
        assertThat(DotEnvFile.parse("PORT=1\nPORT=2")).containsEntry("PORT", "2");
    }

    @Test
    void every_malformed_line_is_reported_by_number_without_its_content() {
        assertThatThrownBy(() -> DotEnvFile.parse("PORT=1\nthis holds s3cr3t-value\nOK=1\nnot an assignment either"))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).violations())
                        .extracting(ConfigViolation::variable)
                        .containsExactly(".env line 2", ".env line 4"))
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void an_unclosed_double_quote_is_reported() {
        assertThatThrownBy(() -> DotEnvFile.parse("A=\"never closed\nB=2"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(".env line 1")
                .hasMessageContaining("never closed");
    }

    @Test
    void an_unclosed_single_quote_is_reported() {
        assertThatThrownBy(() -> DotEnvFile.parse("A='open"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("single quote");
    }
}
