package io.erpcore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"100, 100", "100b, 100", "512kb, 524288", "1mb, 1048576", "1MB, 1048576", "2 gb, 2147483648"})
    void reads_sizes_with_binary_units(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mb", "1tb", "-1mb", "1.5mb", "one"})
    void refuses_anything_else(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("512kb or 1mb");
    }

    @ParameterizedTest
    @CsvSource({"1mb, 1mb", "1536kb, 1536kb", "100, 100b", "0, 0b"})
    void prints_in_the_largest_exact_unit(String text, String printed) {
        assertThat(ByteSize.parse(text)).hasToString(printed);
    }
}
