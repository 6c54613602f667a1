package io.erpcore.adapter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.erpcore.metrics.InMemoryMetricsSink;
import io.erpcore.persistence.Execution;
import io.erpcore.security.FieldDecryptionException;
import io.erpcore.security.audit.AuditOrigin;
import io.erpcore.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The user repository against real PostgreSQL, as the runtime role. */
class JdbiUserRepositoryTest {

    private static JdbiDatabase runtime;
    private static JdbiUserRepository users;
    private static StoredPhones phones;

    @BeforeAll
    static void database() {
        TestDatabase database = PostgresFixture.migratedDatabase();
        runtime = Databases.open(database, InMemoryMetricsSink.create());
        phones = StoredPhones.of(database);
        users = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls()));
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void creates_an_active_user_with_every_field_stored() {
        TenantId tenant = tenant();

        UserRow created = users.create(tenant, new NewUser("Ada@Example.com", "Ada", "hash-1",
                List.of("admin", "auditor"), Optional.of("+44 20 7946 0958")), AuditOrigin.system());

        assertThat(users.findById(tenant, created.id())).contains(created);
        assertThat(created.tenantId()).isEqualTo(tenant);
        assertThat(created.email()).isEqualTo("Ada@Example.com");
        assertThat(created.phone()).contains("+44 20 7946 0958");
        assertThat(created.passwordHash()).isEqualTo("hash-1");
        assertThat(created.roles()).containsExactly("admin", "auditor");
        assertThat(created.status()).isEqualTo(UserRow.ACTIVE);
        assertThat(created.createdAt()).isEqualTo(created.updatedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void refuses_an_email_the_tenant_already_has_in_another_case() {
        TenantId tenant = tenant();
        users.create(tenant, user("ada@example.com"), AuditOrigin.system());

        assertThatThrownBy(() -> users.create(tenant, user("ADA@example.COM"), AuditOrigin.system()))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("Tenant '" + tenant + "' already has a user with this e-mail address");
    }

    @Test
    void the_same_email_may_belong_to_users_of_two_tenants() {
        users.create(tenant(), user("shared@example.com"), AuditOrigin.system());

        UserRow other = users.create(tenant(), user("shared@example.com"), AuditOrigin.system());

        assertThat(other.email()).isEqualTo("shared@example.com");
    }

    @Test
    void finds_a_user_by_email_without_regard_to_case() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, user("Ada@Example.com"), AuditOrigin.system());

        assertThat(users.findByEmail(tenant, "ada@EXAMPLE.com")).contains(ada);
    }

    @Test
    void an_unknown_id_or_email_finds_nothing() {
        TenantId tenant = tenant();

        assertThat(users.findById(tenant, UUID.randomUUID())).isEmpty();
        assertThat(users.findByEmail(tenant, "nobody@example.com")).isEmpty();
    }

    @Test
    void lists_users_oldest_first_in_pages_that_end_without_a_cursor() {
        TenantId tenant = tenant();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(users.create(tenant, user("u" + i + "@example.com"), AuditOrigin.system()).id());
        }

        Page<UserRow> first = users.list(tenant, Optional.empty(), 2);
        Page<UserRow> second = users.list(tenant, first.nextCursor(), 2);
        Page<UserRow> third = users.list(tenant, second.nextCursor(), 2);

        assertThat(first.items()).extracting(UserRow::id).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(second.items()).extracting(UserRow::id).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(third.items()).extracting(UserRow::id).containsExactly(created.get(4));
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    void a_page_that_holds_exactly_the_rest_has_no_next_cursor() {
        TenantId tenant = tenant();
        users.create(tenant, user("a@example.com"), AuditOrigin.system());
        users.create(tenant, user("b@example.com"), AuditOrigin.system());

        Page<UserRow> page = users.list(tenant, Optional.empty(), 2);

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void users_created_in_the_same_instant_are_paged_by_id_without_loss_or_repeat() {
        TenantId tenant = tenant();
        List<UUID> ids = runtime.rls().inTenant(tenant, handle -> {
            List<UUID> inserted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // now() is the transaction's start: all four share one created_at.
                UserRow row = JdbiUserRepository.insert(handle, tenant, UUID.randomUUID(), user("same" + i + "@x.io"),
                        Optional.empty());
                inserted.add(row.id());
            }
            return inserted;
        });

        List<UUID> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<UserRow> page = users.list(tenant, cursor, 1);
            page.items().forEach(row -> paged.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        // PostgreSQL orders uuids by unsigned bytes, as their text sorts; UUID.compareTo is signed.
        assertThat(paged).containsExactlyElementsOf(ids.stream().sorted(Comparator.comparing(UUID::toString)).toList());
    }

    @Test
    void refuses_a_malformed_cursor() {
        TenantId tenant = tenant();

        assertThatThrownBy(() -> users.list(tenant, Optional.of("not-a-cursor"), 10))
                .isInstanceOf(InvalidPageRequestException.class)
                .hasMessage("'cursor' is not a cursor this list handed out");
        assertThatThrownBy(() -> users.list(tenant, Optional.of("!".repeat(32)), 10))
                .isInstanceOf(InvalidPageRequestException.class);
    }

    @Test
    void refuses_a_cursor_whose_time_lies_outside_any_row() {
        String farFuture = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(24).putLong(Long.MAX_VALUE).putLong(1).putLong(2).array());

        assertThatThrownBy(() -> users.list(tenant(), Optional.of(farFuture), 10))
                .isInstanceOf(InvalidPageRequestException.class);
    }

    @Test
    void refuses_a_limit_outside_1_to_100() {
        TenantId tenant = tenant();

        assertThatThrownBy(() -> users.list(tenant, Optional.empty(), 0))
                .isInstanceOf(InvalidPageRequestException.class)
                .hasMessage("'limit' must be between 1 and 100 but was 0");
        assertThatThrownBy(() -> users.list(tenant, Optional.empty(), 101))
                .isInstanceOf(InvalidPageRequestException.class);
    }

    @Test
    void updates_the_given_fields_and_the_update_time_only() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, new NewUser("ada@example.com", "Ada", "h", List.of("member"),
                Optional.of("555-0100")), AuditOrigin.system());

        Optional<UserRow> updated = users.update(tenant, ada.id(), UserUpdate.none()
                .withDisplayName("Ada L.").withRoles(List.of("admin")).withStatus(UserRow.DISABLED), AuditOrigin.system());

        assertThat(updated).hasValueSatisfying(row -> {
            assertThat(row.displayName()).isEqualTo("Ada L.");
            assertThat(row.roles()).containsExactly("admin");
            assertThat(row.status()).isEqualTo(UserRow.DISABLED);
            assertThat(row.phone()).contains("555-0100");
            assertThat(row.email()).isEqualTo(ada.email());
            assertThat(row.createdAt()).isEqualTo(ada.createdAt());
            assertThat(row.updatedAt()).isAfter(ada.updatedAt());
        });
    }

    @Test
    void an_update_replaces_or_removes_the_phone() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, user("ada@example.com"), AuditOrigin.system());

        Optional<UserRow> withPhone = users.update(tenant, ada.id(), UserUpdate.none().withPhone("555-0100"), AuditOrigin.system());
        String stored = phones.get(tenant, ada.id());
        Optional<UserRow> replaced = users.update(tenant, ada.id(), UserUpdate.none().withPhone("555-0199"), AuditOrigin.system());
        Optional<UserRow> withoutPhone = users.update(tenant, ada.id(), UserUpdate.none().withoutPhone(), AuditOrigin.system());

        assertThat(withPhone).hasValueSatisfying(row -> assertThat(row.phone()).contains("555-0100"));
        assertThat(stored).startsWith("v1.1.").doesNotContain("555-0100");
        assertThat(replaced).hasValueSatisfying(row -> assertThat(row.phone()).contains("555-0199"));
        assertThat(withoutPhone).hasValueSatisfying(row -> assertThat(row.phone()).isEmpty());
        assertThat(users.findById(tenant, ada.id())).hasValueSatisfying(row -> assertThat(row.phone()).isEmpty());
        assertThat(phones.get(tenant, ada.id())).isNull();
    }

    @Test
    void an_update_of_other_fields_leaves_the_stored_phone_as_it_was() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, new NewUser("ada@example.com", "Ada", "h", List.of(), Optional.of("555-0100")), AuditOrigin.system());
        String stored = phones.get(tenant, ada.id());

        users.update(tenant, ada.id(), UserUpdate.none().withDisplayName("Ada L."), AuditOrigin.system());

        assertThat(phones.get(tenant, ada.id())).isEqualTo(stored);
    }

    @Test
    void the_phone_is_ciphertext_in_the_table_and_plaintext_from_the_repository() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, new NewUser("ada@example.com", "Ada", "h", List.of(),
                Optional.of("+44 20 7946 0958")), AuditOrigin.system());

        String stored = phones.get(tenant, ada.id());

        assertThat(stored).startsWith("v1.1.").doesNotContain("7946").doesNotContain("0958");
        assertThat(users.findById(tenant, ada.id())).hasValueSatisfying(row ->
                assertThat(row.phone()).contains("+44 20 7946 0958"));
        assertThat(users.findByEmail(tenant, "ada@example.com")).hasValueSatisfying(row ->
                assertThat(row.phone()).contains("+44 20 7946 0958"));
        assertThat(users.list(tenant, Optional.empty(), 10).items()).extracting(UserRow::phone)
                .containsExactly(Optional.of("+44 20 7946 0958"));
    }

    @Test
    void a_phone_copied_into_another_tenants_row_fails_to_decrypt_there() {
        TenantId victim = tenant();
        TenantId other = tenant();
        UserRow ada = users.create(victim, new NewUser("ada@example.com", "Ada", "h", List.of(), Optional.of("555-0100")), AuditOrigin.system());
        UserRow mallory = users.create(other, user("mallory@example.com"), AuditOrigin.system());

        phones.set(other, mallory.id(), phones.get(victim, ada.id()));

        assertThatThrownBy(() -> users.findById(other, mallory.id()))
                .isInstanceOfSatisfying(FieldDecryptionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(FieldDecryptionException.Reason.AUTHENTICATION_FAILED);
                    assertThat(failure.tenant()).isEqualTo(other);
                    assertThat(failure.column()).isEqualTo(JdbiUserRepository.PHONE);
                })
                .hasMessage("Cannot decrypt users.phone of tenant '" + other + "' (key id 1): authentication failed");
        assertThatThrownBy(() -> users.list(other, Optional.empty(), 10)).isInstanceOf(FieldDecryptionException.class);
        assertThat(users.findById(victim, ada.id())).hasValueSatisfying(row -> assertThat(row.phone()).contains("555-0100"));
    }

    @Test
    void a_phone_written_under_another_master_key_fails_to_decrypt() {
        TenantId tenant = tenant();
        UserRow ada = JdbiUserRepository.create(runtime.rls(), Encryptions.random(), Audits.trail(runtime.rls())).create(tenant,
                new NewUser("ada@example.com", "Ada", "h", List.of(), Optional.of("555-0100")), AuditOrigin.system());

        assertThatThrownBy(() -> users.findById(tenant, ada.id())).isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    void an_update_may_clear_every_role() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, NewUser.of("ada@example.com", "Ada", "h", List.of("admin")), AuditOrigin.system());

        assertThat(users.update(tenant, ada.id(), UserUpdate.none().withRoles(List.of()), AuditOrigin.system()))
                .hasValueSatisfying(row -> assertThat(row.roles()).isEmpty());
    }

    @Test
    void updating_an_unknown_user_finds_nothing() {
        assertThat(users.update(tenant(), UUID.randomUUID(), UserUpdate.none().withDisplayName("X"), AuditOrigin.system())).isEmpty();
    }

    @Test
    void refuses_an_unknown_status_before_reaching_the_database() {
        assertThatThrownBy(() -> UserUpdate.none().withStatus("banned"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'status' must be one of [active, disabled] but was 'banned'");
    }

    @Test
    void deletes_a_user_with_its_refresh_tokens_and_api_keys() {
        TenantId tenant = tenant();
        UserRow ada = users.create(tenant, user("ada@example.com"), AuditOrigin.system());
        JdbiRefreshTokenRepository.create(runtime.rls()).insert(tenant, ada.id(), UUID.randomUUID(), "rt-hash",
                Instant.now().plus(1, ChronoUnit.DAYS));
        JdbiApiKeyRepository.create(runtime.rls(), Audits.trail(runtime.rls())).insert(tenant, ada.id(), "ci", "pfx-ada", "k-hash", List.of(),
                Optional.empty(), AuditOrigin.system());

        assertThat(users.delete(tenant, ada.id(), AuditOrigin.system())).isTrue();

        assertThat(users.findById(tenant, ada.id())).isEmpty();
        assertThat(count(tenant, "refresh_tokens")).isZero();
        assertThat(count(tenant, "api_keys")).isZero();
    }

    @Test
    void deleting_an_unknown_user_reports_that_there_was_none() {
        assertThat(users.delete(tenant(), UUID.randomUUID(), AuditOrigin.system())).isFalse();
    }

    @Test
    void another_tenant_can_neither_find_nor_list_nor_update_nor_delete_a_user() {
        TenantId owner = tenant();
        TenantId intruder = tenant();
        UserRow ada = users.create(owner, user("ada@example.com"), AuditOrigin.system());

        assertThat(users.findById(intruder, ada.id())).isEmpty();
        assertThat(users.findByEmail(intruder, "ada@example.com")).isEmpty();
        assertThat(users.list(intruder, Optional.empty(), 100).items()).isEmpty();
        assertThat(users.update(intruder, ada.id(), UserUpdate.none().withStatus(UserRow.DISABLED), AuditOrigin.system())).isEmpty();
        assertThat(users.delete(intruder, ada.id(), AuditOrigin.system())).isFalse();
        assertThat(users.findById(owner, ada.id())).contains(ada);
    }

    @Test
    void the_password_hash_never_appears_in_to_string() {
        NewUser created = new NewUser("ada@example.com", "Ada", "secret-hash-value", List.of(), Optional.of("555-0123"));
        UserRow ada = users.create(tenant(), created, AuditOrigin.system());

        assertThat(ada.toString()).doesNotContain("secret-hash-value").doesNotContain("555-0123")
                .contains("ada@example.com").contains("phone=<present>");
        assertThat(created.toString()).doesNotContain("secret-hash-value").doesNotContain("555-0123");
        assertThat(UserUpdate.none().withPhone("555-0123").toString()).doesNotContain("555-0123");
        assertThat(user("bob@example.com").toString()).doesNotContain("hash-of");
    }

    private static NewUser user(String email) {
        return NewUser.of(email, "User " + email, "hash-of-" + email, List.of("member"));
    }

    private static TenantId tenant() {
        String slug = "t-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return Tenants.create(runtime.rls(), slug, 0);
    }

    private static long count(TenantId tenant, String table) {
        return runtime.rls().inTenant(tenant, Execution.singleStatement(), handle ->
                handle.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
