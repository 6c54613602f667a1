package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.erpcore.config.EncryptionKey;
import io.erpcore.config.Secret;
import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.persistence.RlsExecutor;
import io.erpcore.persistence.ScopedWork;
import io.erpcore.security.FieldDecryptionException;
import io.erpcore.security.FieldEncryption;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation against real PostgreSQL, as the runtime role: a database of its own per test,
 * since a run goes through every tenant there is.
 */
class JdbiFieldReencryptionTest {

    private final Secret oldKey = Encryptions.randomKey();
    private final Secret newKey = Encryptions.randomKey();
    private final FieldEncryption beforeRotation = Encryptions.under(1, oldKey);
    private final FieldEncryption rotated = Encryptions.under(2, newKey, new EncryptionKey(1, oldKey));

    private JdbiDatabase runtime;
    private StoredPhones phones;

    @BeforeEach
    void database() {
        TestDatabase database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        phones = StoredPhones.of(database);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void moves_every_tenants_phones_to_the_new_key_where_the_repository_still_reads_them() {
        TenantId acme = tenantWithPhones("acme", "555-0101", "555-0102", "555-0103");
        TenantId globex = tenantWithPhones("globex", "555-0201", "555-0202");
        JdbiUserRepository.create(runtime.rls(), beforeRotation, Audits.trail(runtime.rls())).create(globex, NewUser.of("nophone@globex.example",
                "No Phone", "h", List.of()), AuditOrigin.system());

        JdbiFieldReencryption.Report report = JdbiFieldReencryption.create(runtime.rls(), rotated, 2).run();

        assertThat(report.tenantsVisited()).isEqualTo(2);
        assertThat(report.reencrypted()).isEqualTo(5);
        assertThat(report.alreadyCurrent()).isZero();
        assertThat(report.undecryptableCount()).isZero();
        assertThat(phones.all(acme)).hasSize(3).allSatisfy(text -> assertThat(text).startsWith("v1.2."));
        assertThat(phones.all(globex)).hasSize(2).allSatisfy(text -> assertThat(text).startsWith("v1.2."));
        // Without the old key at all: nothing is left that needs it.
        JdbiUserRepository afterDroppingOldKey = JdbiUserRepository.create(runtime.rls(), Encryptions.under(2, newKey), Audits.trail(runtime.rls()));
        assertThat(afterDroppingOldKey.list(acme, Optional.empty(), 10).items()).extracting(UserRow::phone)
                .containsExactlyInAnyOrder(Optional.of("555-0101"), Optional.of("555-0102"), Optional.of("555-0103"));
        assertThat(afterDroppingOldKey.list(globex, Optional.empty(), 10).items()).extracting(UserRow::phone)
                .containsExactlyInAnyOrder(Optional.of("555-0201"), Optional.of("555-0202"), Optional.empty());
    }

    @Test
    void a_second_run_reencrypts_nothing() {
        tenantWithPhones("acme", "555-0101", "555-0102", "555-0103");
        JdbiFieldReencryption reencryption = JdbiFieldReencryption.create(runtime.rls(), rotated, 2);
        reencryption.run();

        JdbiFieldReencryption.Report second = reencryption.run();

        assertThat(second.reencrypted()).isZero();
        assertThat(second.alreadyCurrent()).isEqualTo(3);
        assertThat(second.foundNothingToDo()).isTrue();
    }

    @Test
    void leaves_the_update_time_of_users_alone() {
        TenantId acme = tenantWithPhones("acme", "555-0101");
        JdbiUserRepository users = JdbiUserRepository.create(runtime.rls(), rotated, Audits.trail(runtime.rls()));
        UserRow before = users.list(acme, Optional.empty(), 1).items().get(0);

        JdbiFieldReencryption.create(runtime.rls(), rotated).run();

        assertThat(users.findById(acme, before.id())).hasValueSatisfying(after ->
                assertThat(after.updatedAt()).isEqualTo(before.updatedAt()));
    }

    @Test
    void a_phone_a_user_changes_between_read_and_rewrite_keeps_the_users_change() {
        TenantId acme = tenantWithPhones("acme", "555-0101", "555-0102");
        JdbiUserRepository users = JdbiUserRepository.create(runtime.rls(), rotated, Audits.trail(runtime.rls()));
        UUID edited = users.list(acme, Optional.empty(), 1).items().get(0).id();
        RlsExecutor<Handle> editingBeforeTheFirstWrite = new EditBeforeFirstWrite(runtime.rls(),
                () -> users.update(acme, edited, UserUpdate.none().withPhone("555-0999"), AuditOrigin.system()));

        JdbiFieldReencryption.Report report = JdbiFieldReencryption.create(editingBeforeTheFirstWrite, rotated).run();

        assertThat(report.changedMeanwhile()).isEqualTo(1);
        assertThat(report.reencrypted()).isEqualTo(1);
        assertThat(users.findById(acme, edited)).hasValueSatisfying(row -> assertThat(row.phone()).contains("555-0999"));
    }

    @Test
    void a_value_no_key_decrypts_is_listed_and_the_rest_are_reencrypted() {
        TenantId acme = tenantWithPhones("acme", "555-0101", "555-0102");
        TenantId globex = tenantWithPhones("globex", "555-0201");
        UUID broken = JdbiUserRepository.create(runtime.rls(), rotated, Audits.trail(runtime.rls())).list(acme, Optional.empty(), 1).items().get(0).id();
        // Another tenant's ciphertext: well-formed, under a known key, and fails authentication here.
        phones.set(acme, broken, phones.all(globex).get(0));

        JdbiFieldReencryption.Report report = JdbiFieldReencryption.create(runtime.rls(), rotated).run();

        assertThat(report.reencrypted()).isEqualTo(2);
        assertThat(report.undecryptableCount()).isEqualTo(1);
        assertThat(report.undecryptable()).containsExactly(new JdbiFieldReencryption.Undecryptable(acme, broken,
                FieldDecryptionException.Reason.AUTHENTICATION_FAILED));
        assertThat(report.foundNothingToDo()).isFalse();
    }

    @Test
    void a_configuration_without_the_old_key_stops_before_writing_anything() {
        TenantId acme = tenantWithPhones("acme", "555-0101");
        List<String> before = phones.all(acme);

        assertThatThrownBy(() -> JdbiFieldReencryption.create(runtime.rls(), Encryptions.under(2, newKey)).run())
                .isInstanceOfSatisfying(FieldDecryptionException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(FieldDecryptionException.Reason.UNKNOWN_KEY_ID));
        assertThat(phones.all(acme)).isEqualTo(before);
    }

    @Test
    void refuses_a_batch_size_outside_1_to_10000() {
        assertThatThrownBy(() -> JdbiFieldReencryption.create(runtime.rls(), rotated, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'batchSize' must be between 1 and 10000 but was 0");
    }

    /** A tenant whose users have {@code numbers} as phones, written under the key before rotation. */
    private TenantId tenantWithPhones(String slug, String... numbers) {
        TenantId tenant = Tenants.create(runtime.rls(), slug, 0);
        JdbiUserRepository users = JdbiUserRepository.create(runtime.rls(), beforeRotation, Audits.trail(runtime.rls()));
        for (int i = 0; i < numbers.length; i++) {
            users.create(tenant, new NewUser(slug + "-" + i + "@example.com", "User " + i, "h", List.of(),
                    Optional.of(numbers[i])), AuditOrigin.system());
        }
        assertThat(phones.all(tenant)).hasSize(numbers.length).allSatisfy(text -> assertThat(text).startsWith("v1.1."));
        return tenant;
    }

    /**
     * The runtime executor, except that a user's edit runs just before the first tenant-scoped
     * write: the re-encryption's reads and writes alternate, so its second tenant-scoped call is
     * the first rewrite, and the edit lands between reading a value and writing it back.
     */
    private static final class EditBeforeFirstWrite implements RlsExecutor<Handle> {

        private final RlsExecutor<Handle> delegate;
        private final Runnable edit;
        private final AtomicBoolean edited = new AtomicBoolean();
        private int tenantCalls;

        EditBeforeFirstWrite(RlsExecutor<Handle> delegate, Runnable edit) {
            this.delegate = delegate;
            this.edit = edit;
        }

        @Override
        public <T, E extends Exception> T inTenant(TenantId tenant, Execution execution, ScopedWork<Handle, T, E> work)
                throws E {
            if (++tenantCalls == 2 && edited.compareAndSet(false, true)) {
                edit.run();
            }
            return delegate.inTenant(tenant, execution, work);
        }

        @Override
        public <T, E extends Exception> T inPlatformScope(Execution execution, ScopedWork<Handle, T, E> work) throws E {
            return delegate.inPlatformScope(execution, work);
        }

        @Override
        public <T, E extends Exception> T provisioning(TenantId tenant, ScopedWork<Handle, T, E> work) throws E {
            return delegate.provisioning(tenant, work);
        }
    }
}
