package io.erpcore.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.erpcore.tenancy.TenantResolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The error-code reference in docs/ documents every code the HTTP layer can answer, with its status. */
class ErrorCodeReferenceTest {

    private static String reference() throws IOException {
        return Files.readString(Path.of("../docs/errors.md"));
    }

    @Test
    void every_error_code_of_the_http_layer_is_documented_with_its_status() throws IOException {
        String reference = reference();

        assertThat(ErrorCode.values()).allSatisfy(code ->
                assertThat(reference).contains("| `" + code.name() + "` | " + code.status() + " |"));
    }

    @Test
    void every_tenant_refusal_is_documented_with_its_status() throws IOException {
        String reference = reference();

        assertThat(TenantResolution.Refusal.values()).allSatisfy(refusal ->
                assertThat(reference).contains("| `" + refusal.code() + "` | " + refusal.httpStatus() + " |"));
    }

    @Test
    void the_reference_lists_no_code_that_nothing_answers() throws IOException {
        Stream<String> known = Stream.concat(Stream.concat(Arrays.stream(ErrorCode.values()).map(Enum::name),
                Arrays.stream(TenantResolution.Refusal.values()).map(TenantResolution.Refusal::code)),
                Stream.of("UNSUPPORTED_CREDENTIALS"));
        java.util.Set<String> answered = known.collect(java.util.stream.Collectors.toSet());

        assertThat(reference().lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3))))
                .allSatisfy(code -> assertThat(answered).contains(code));
    }
}
