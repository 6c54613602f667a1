package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantStatusTest {

    @Test
    void ids_are_the_lower_case_names() {
        assertThat(TenantStatus.values()).extracting(TenantStatus::id).containsExactly("active", "suspended");
    }

    @ParameterizedTest
    @EnumSource(TenantStatus.class)
    void each_status_is_found_by_its_id(TenantStatus status) {
        assertThat(TenantStatus.ofId(status.id())).isEqualTo(status);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ACTIVE", "Active", "disabled", ""})
    void refuses_any_other_text_naming_the_allowed_ids(String text) {
        assertThatThrownBy(() -> TenantStatus.ofId(text))
                .isInstanceOf(InvalidTenantException.class)
                .hasMessage("'status' must be one of [active, suspended] but was '" + text + "'");
    }
}
