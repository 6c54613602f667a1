package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.DuplicateTenantSlugException;
import io.erpcore.tenancy.InvalidTenantException;
import io.erpcore.tenancy.Tenant;
import io.erpcore.tenancy.TenantDirectory;
import io.erpcore.tenancy.TenantDirectoryContract;
import io.erpcore.tenancy.TenantId;
import io.erpcore.tenancy.TenantStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant directory against real PostgreSQL, as the runtime role: the port's contract, then the
 * platform API's writes. One database for the class; every test starts from an empty one.
 */
class JdbiTenantDirectoryTest extends TenantDirectoryContract {

    private static TestDatabase database;
    private static JdbiDatabase runtime;
    private static JdbiTenantDirectory directory;

    @BeforeAll
    static void openDatabase() {
        database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        directory = JdbiTenantDirectory.create(runtime.rls(), Audits.trail(runtime.rls()));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    // Setup, not behaviour: the runtime role may not delete tenants, so the administrator empties the tables.
    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection admin = database.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("truncate tenants, users, refresh_tokens, api_keys, audit_events");
        }
    }

    /** Stores {@code tenants} exactly as given (ids and creation times included) through the runtime role. */
    @Override
    protected TenantDirectory directoryWith(Tenant... tenants) {
        for (Tenant tenant : tenants) {
            runtime.rls().inPlatformScope(Execution.singleStatement(), handle -> handle.createUpdate(
                            "insert into tenants (id, slug, name, status, rate_limit_max, created_at) "
                                    + "values (:id, :slug, :name, :status, :rateLimitMax, :createdAt)")
                    .bind("id", tenant.id().value()).bind("slug", tenant.slug()).bind("name", tenant.name())
                    .bind("status", tenant.status().id()).bind("rateLimitMax", tenant.rateLimitMax().orElse(null))
                    .bind("createdAt", Columns.timestamp(tenant.createdAt())).execute());
        }
        return directory;
    }

    @Test
    void creates_an_active_tenant_that_the_directory_then_finds() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());

        assertThat(acme.slug()).isEqualTo("acme");
        assertThat(acme.name()).isEqualTo("Acme Corp");
        assertThat(acme.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(acme.rateLimitMax()).isEmpty();
        assertThat(acme.createdAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(directory.findById(acme.id())).contains(acme);
        assertThat(directory.findBySlug("acme")).contains(acme);
    }

    @Test
    void makes_the_admin_the_tenants_owner_user() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());

        Optional<UserRow> owner = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls()))
                .findByEmail(acme.id(), "root@acme.example");

        assertThat(owner).hasValueSatisfying(user -> {
            assertThat(user.tenantId()).isEqualTo(acme.id());
            assertThat(user.roles()).containsExactly("owner");
            assertThat(user.displayName()).isEqualTo("Root");
            assertThat(user.passwordHash()).isEqualTo("pbkdf2$hash");
            assertThat(user.isActive()).isTrue();
        });
    }

    @Test
    void refuses_a_slug_another_tenant_has_and_stores_nothing_of_the_newcomer() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());

        assertThatThrownBy(() -> directory.create(acme("acme"), AuditOrigin.system()))
                .isInstanceOf(DuplicateTenantSlugException.class)
                .hasMessageStartingWith("'slug' 'acme' already belongs to tenant '" + acme.id() + "'");
        assertThat(directory.list(Optional.empty(), 100).items()).containsExactly(acme);
        assertThat(JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls()))
                .list(acme.id(), Optional.empty(), 100).items()).hasSize(1);
    }

    @Test
    void refuses_a_slug_that_is_not_a_dns_label_before_reaching_the_database() {
        assertThatThrownBy(() -> acme("Acme Corp")).isInstanceOf(InvalidTenantException.class);
    }

    @Test
    void updates_name_status_and_rate_limit() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());

        Optional<Tenant> updated = directory.update(acme.id(), TenantUpdate.none()
                .withName("Acme Inc").withStatus(TenantStatus.SUSPENDED).withRateLimitMax(250), AuditOrigin.system());

        assertThat(updated).contains(new Tenant(acme.id(), "acme", "Acme Inc", TenantStatus.SUSPENDED,
                Optional.of(250), acme.createdAt()));
        assertThat(directory.findById(acme.id())).isEqualTo(updated);
    }

    @Test
    void an_update_leaves_absent_fields_as_they_are() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());
        directory.update(acme.id(), TenantUpdate.none().withRateLimitMax(250), AuditOrigin.system());

        Optional<Tenant> renamed = directory.update(acme.id(), TenantUpdate.none().withName("Acme Inc"), AuditOrigin.system());

        assertThat(renamed).hasValueSatisfying(tenant -> {
            assertThat(tenant.rateLimitMax()).contains(250);
            assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        });
    }

    @Test
    void an_update_may_remove_the_tenants_own_rate_limit() {
        Tenant acme = directory.create(acme("acme"), AuditOrigin.system());
        directory.update(acme.id(), TenantUpdate.none().withRateLimitMax(250), AuditOrigin.system());

        assertThat(directory.update(acme.id(), TenantUpdate.none().withoutRateLimitMax(), AuditOrigin.system()))
                .hasValueSatisfying(tenant -> assertThat(tenant.rateLimitMax()).isEmpty());
    }

    @Test
    void updating_an_unknown_tenant_finds_nothing() {
        assertThat(directory.update(TenantId.random(), TenantUpdate.none().withName("Ghost"), AuditOrigin.system())).isEmpty();
    }

    @Test
    void refuses_a_blank_name_or_a_rate_limit_below_1_before_reaching_the_database() {
        assertThatThrownBy(() -> TenantUpdate.none().withName("  ")).isInstanceOf(InvalidTenantException.class);
        assertThatThrownBy(() -> TenantUpdate.none().withRateLimitMax(0)).isInstanceOf(InvalidTenantException.class);
    }

    @Test
    void lists_tenants_oldest_first_in_pages_even_when_they_share_a_creation_time() {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tenants.add(io.erpcore.tenancy.Tenants.active("t" + i));
        }
        directoryWith(tenants.toArray(Tenant[]::new));

        List<Tenant> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Tenant> page = directory.list(cursor, 2);
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        // All share Tenants.CREATED_AT, so the id decides, in PostgreSQL's (textual) uuid order.
        assertThat(paged).containsExactlyElementsOf(
                tenants.stream().sorted(Comparator.comparing(tenant -> tenant.id().toString())).toList());
    }

    @Test
    void refuses_a_malformed_cursor_or_a_limit_outside_1_to_100() {
        assertThatThrownBy(() -> directory.list(Optional.of("bogus"), 10))
                .isInstanceOf(InvalidPageRequestException.class);
        assertThatThrownBy(() -> directory.list(Optional.empty(), 0)).isInstanceOf(InvalidPageRequestException.class);
        assertThatThrownBy(() -> directory.list(Optional.empty(), 101)).isInstanceOf(InvalidPageRequestException.class);
    }

    @Test
    void the_admins_password_hash_never_appears_in_to_string() {
        assertThat(acme("acme").toString()).doesNotContain("pbkdf2$hash").contains("root@acme.example");
    }

    private static NewTenant acme(String slug) {
        return new NewTenant(slug, "Acme Corp", new NewTenant.Admin("root@acme.example", "Root", "pbkdf2$hash"));
    }
}
