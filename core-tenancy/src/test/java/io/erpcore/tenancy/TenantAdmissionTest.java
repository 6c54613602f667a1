package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.tenancy.TenantAdmission.Admitted;
import io.erpcore.tenancy.TenantResolution.Refusal;
import io.erpcore.tenancy.TenantResolution.Refused;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantAdmissionTest {

    @Test
    void admits_an_active_tenant() {
        Tenant acme = Tenants.active("acme");

        assertThat(TenantAdmission.admit(acme.id(), Optional.of(acme))).isEqualTo(new Admitted(acme));
    }

    @Test
    void refuses_an_unknown_tenant_as_not_found_with_401() {
        TenantId gone = TenantId.random();

        assertThat(TenantAdmission.admit(gone, Optional.empty())).isEqualTo(
                new Refused(Refusal.TENANT_NOT_FOUND, "tenant '" + gone + "' does not exist"));
        assertThat(Refusal.TENANT_NOT_FOUND.httpStatus()).isEqualTo(401);
    }

    @Test
    void refuses_a_suspended_tenant_with_403() {
        Tenant dormant = Tenants.suspended("dormant");

        assertThat(TenantAdmission.admit(dormant.id(), Optional.of(dormant))).isEqualTo(
                new Refused(Refusal.TENANT_SUSPENDED, "tenant '" + dormant.id() + "' is suspended"));
        assertThat(Refusal.TENANT_SUSPENDED.httpStatus()).isEqualTo(403);
    }

    @Test
    void refuses_to_admit_another_tenant_than_the_one_requested() {
        Tenant acme = Tenants.active("acme");
        TenantId requested = TenantId.random();

        assertThatThrownBy(() -> TenantAdmission.admit(requested, Optional.of(acme)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + acme.id() + "' for tenant '" + requested + "'");
    }
}
