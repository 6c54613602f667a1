package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryTenantDirectoryTest extends TenantDirectoryContract {

    @Override
    protected TenantDirectory directoryWith(Tenant... tenants) {
        return InMemoryTenantDirectory.of(tenants);
    }

    @Test
    void put_replaces_the_tenant_with_the_same_id() {
        Tenant acme = Tenants.active("acme");
        InMemoryTenantDirectory directory = InMemoryTenantDirectory.of(acme);

        directory.put(Tenants.withStatus(acme, TenantStatus.SUSPENDED));

        assertThat(directory.findById(acme.id())).hasValueSatisfying(found -> assertThat(found.isActive()).isFalse());
    }

    @Test
    void a_new_slug_frees_the_old_one() {
        Tenant acme = Tenants.active("acme");
        InMemoryTenantDirectory directory = InMemoryTenantDirectory.of(acme);

        directory.put(Tenants.withSlug(acme, "acme-corp"));

        assertThat(directory.findBySlug("acme")).isEmpty();
        assertThat(directory.findBySlug("acme-corp")).map(Tenant::id).contains(acme.id());
    }

    @Test
    void refuses_a_slug_that_belongs_to_another_tenant() {
        Tenant acme = Tenants.active("acme");
        Tenant impostor = Tenants.active("acme");
        InMemoryTenantDirectory directory = InMemoryTenantDirectory.of(acme);

        assertThatThrownBy(() -> directory.put(impostor))
                .isInstanceOf(DuplicateTenantSlugException.class)
                .hasMessage("'slug' 'acme' already belongs to tenant '" + acme.id()
                        + "' and cannot also be given to tenant '" + impostor.id() + "'");
        assertThat(directory.findBySlug("acme")).contains(acme);
    }

    @Test
    void remove_forgets_the_tenant_by_id_and_by_slug() {
        Tenant acme = Tenants.active("acme");
        InMemoryTenantDirectory directory = InMemoryTenantDirectory.of(acme);

        assertThat(directory.remove(acme.id())).isTrue();

        assertThat(directory.findById(acme.id())).isEmpty();
        assertThat(directory.findBySlug("acme")).isEmpty();
    }

    @Test
    void removing_an_unknown_tenant_reports_that_there_was_none() {
        assertThat(InMemoryTenantDirectory.of().remove(TenantId.random())).isFalse();
    }
}
