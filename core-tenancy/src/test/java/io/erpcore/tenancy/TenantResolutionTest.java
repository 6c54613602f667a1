package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.erpcore.tenancy.TenantResolution.Refusal;
import io.erpcore.tenancy.TenantResolution.Refused;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantResolutionTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments(Refusal.NOT_AUTHENTICATED, 401, "NOT_AUTHENTICATED"),
                arguments(Refusal.MALFORMED_TENANT, 400, "MALFORMED_TENANT"),
                arguments(Refusal.NO_TENANT, 403, "NO_TENANT"),
                arguments(Refusal.TENANT_MISMATCH, 403, "TENANT_MISMATCH"),
                arguments(Refusal.TENANT_NOT_FOUND, 401, "TENANT_NOT_FOUND"),
                arguments(Refusal.TENANT_SUSPENDED, 403, "TENANT_SUSPENDED"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("refusals")
    void each_refusal_has_its_documented_status_and_stable_code(Refusal refusal, int status, String code) {
        assertThat(refusal.httpStatus()).isEqualTo(status);
        assertThat(refusal.code()).isEqualTo(code);
    }

    @Test
    void every_refusal_is_in_the_documented_table() {
        assertThat(refusals()).hasSameSizeAs(Refusal.values());
    }

    @Test
    void a_refusal_needs_a_detail() {
        assertThatThrownBy(() -> new Refused(Refusal.NO_TENANT, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'detail' must not be blank");
    }
}
