package io.erpcore.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link TenantDirectory} contract: every implementation's test extends this class and says
 * how to build a directory holding given tenants.
 */
public abstract class TenantDirectoryContract {

    /** A directory that holds exactly {@code tenants}. */
    protected abstract TenantDirectory directoryWith(Tenant... tenants);

    @Test
    void finds_a_tenant_by_its_id() {
        Tenant acme = Tenants.active("acme");

        assertThat(directoryWith(acme).findById(acme.id())).contains(acme);
    }

    @Test
    void finds_a_tenant_by_its_slug() {
        Tenant acme = Tenants.active("acme");

        assertThat(directoryWith(acme).findBySlug("acme")).contains(acme);
    }

    @Test
    void returns_every_field_as_stored() {
        Tenant limited = Tenants.withRateLimit("limited-co", 250);

        assertThat(directoryWith(limited).findById(limited.id())).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo(limited.name());
            assertThat(found.status()).isEqualTo(TenantStatus.ACTIVE);
            assertThat(found.rateLimitMax()).contains(250);
            assertThat(found.createdAt()).isEqualTo(Tenants.CREATED_AT);
        });
    }

    @Test
    void finds_a_suspended_tenant_with_its_status() {
        Tenant dormant = Tenants.suspended("dormant");

        assertThat(directoryWith(dormant).findById(dormant.id()))
                .hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(TenantStatus.SUSPENDED));
    }

    @Test
    void an_unknown_id_finds_nothing() {
        assertThat(directoryWith(Tenants.active("acme")).findById(TenantId.random())).isEmpty();
    }

    @Test
    void an_unknown_slug_finds_nothing() {
        assertThat(directoryWith(Tenants.active("acme")).findBySlug("globex")).isEmpty();
    }

    @Test
    void an_empty_directory_finds_nothing() {
        TenantDirectory empty = directoryWith();

        assertThat(empty.findById(TenantId.random())).isEmpty();
        assertThat(empty.findBySlug("acme")).isEmpty();
    }

    @Test
    void each_id_finds_its_own_tenant_and_never_another() {
        Tenant acme = Tenants.active("acme");
        Tenant globex = Tenants.active("globex");
        TenantDirectory directory = directoryWith(acme, globex);

        assertThat(directory.findById(globex.id())).contains(globex);
        assertThat(directory.findById(acme.id())).contains(acme);
    }

    @Test
    void each_slug_finds_its_own_tenant_and_never_another() {
        Tenant acme = Tenants.active("acme");
        Tenant globex = Tenants.active("globex");
        TenantDirectory directory = directoryWith(acme, globex);

        assertThat(directory.findBySlug("globex")).contains(globex);
        assertThat(directory.findBySlug("acme")).contains(acme);
    }

    @ParameterizedTest(name = "slug \"{0}\"")
    @ValueSource(strings = {"ACME", "Acme", "acm", "acme-", "acme ", " acme", "acme%", "acme' or '1'='1", ""})
    void a_slug_matches_exactly_and_other_text_finds_nothing(String text) {
        assertThat(directoryWith(Tenants.active("acme")).findBySlug(text)).isEmpty();
    }
}
